package org.ferstudio.nets;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.image.ResizeBilinear;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns the shared faces ({@code [N, 1, 48, 48]}, grey v/255) into what the ImageNet MobileNet weights
 * expect: {@code [N, 96, 96, 3]} (NHWC), resized bilinearly with pixel centres aligned (as
 * {@code FacePreprocessor} enlarges), the grey value repeated into R, G and B, and scaled to
 * {@code v/127.5 - 1} (Keras {@code preprocess_input} mode "tf"), which is {@code 2x - 1} of the shared x.
 */
final class MobileNetInput implements NetworkInput {

    static final int SIDE = 96;
    static final int CHANNELS = 3;

    /** Part of the feature-cache key: change it whenever {@link #adapt} changes what the base sees. */
    static final String VERSION = "bilinear-half-pixel-96, grey-to-rgb, 2x-1";

    @Override
    public INDArray adapt(INDArray faces) {
        long n = faces.size(0);
        // one channel: [N, 1, H, W] and [N, H, W, 1] have the same memory layout
        INDArray nhwc = faces.castTo(DataType.FLOAT).reshape('c', n, faces.size(2), faces.size(3), 1);
        INDArray resized = Nd4j.create(DataType.FLOAT, n, SIDE, SIDE, 1);
        Nd4j.exec(new ResizeBilinear(nhwc, resized, SIDE, SIDE, false, true));
        return resized.muli(2).subi(1).repeat(3, CHANNELS);
    }

    @Override
    public InputType type() {
        return InputType.convolutional(SIDE, SIDE, CHANNELS, CNN2DFormat.NHWC);
    }
}
