package org.ferstudio.nets;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.ferstudio.face.FaceTranslator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a network's own input is made from what every {@link FerNetwork} receives: preprocessed faces
 * {@code [N, 1, 48, 48]} with values in [0, 1]. The one place where an architecture changes the shared
 * input, applied on every forward pass (training, validation, feature extraction and inference), so no
 * caller can feed a network differently from how it was trained.
 */
interface NetworkInput {

    /** The network's input for a batch of faces (or feature vectors, for head networks). */
    INDArray adapt(INDArray faces);

    /** What the adapted input is, for shape inference and FLOP counts. */
    InputType type();

    /** The shared 48x48 grey input as it is, in the given layout. */
    static NetworkInput grey48(CNN2DFormat format) {
        return new Fixed(InputType.convolutional(FaceTranslator.SIDE, FaceTranslator.SIDE, 1, format), format == CNN2DFormat.NHWC);
    }

    /** Feature vectors of {@code size} values, passed through (networks trained on cached features). */
    static NetworkInput features(int size) {
        return new Fixed(InputType.feedForward(size), false);
    }

    /** Input used unchanged, or only re-labelled from NCHW to NHWC. */
    record Fixed(InputType type, boolean toNhwc) implements NetworkInput {

        @Override
        public INDArray adapt(INDArray faces) {
            // one channel: [N, 1, 48, 48] and [N, 48, 48, 1] have the same memory layout
            return toNhwc ? faces.reshape('c', faces.size(0), faces.size(2), faces.size(3), 1) : faces;
        }
    }
}
