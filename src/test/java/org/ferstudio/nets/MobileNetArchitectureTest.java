package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ferstudio.data.FaceImages;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class MobileNetArchitectureTest {

    private static final MobileNetArchitecture ARCH = (MobileNetArchitecture) Architectures.byId("mobilenet");
    private static final NetworkSpec SPEC = new NetworkSpec(3, 5, OptimizerSettings.adam(1e-2), List.of());
    private static INDArray faces;
    private static FaceImages images;

    @TempDir
    Path tmp;

    @BeforeAll
    static void faces() {
        images = SyntheticFaces.make(8, 4);
        faces = FaceTensors.input(images, null, 0, images.size());
    }

    /** The check of the shared folder's README: ref_forward.py (numpy, float64) on a fixed random input. */
    @Test
    void importedWeightsGiveTheKerasReferenceOutputs() throws IOException {
        INDArray x = testVector("verify_input_nhwc.f32", 1, 96, 96, 3);
        INDArray features = testVector("verify_features.f32", 1, 256);
        INDArray lastMap = testVector("verify_conv_pw_13_relu_nhwc.f32", 1, 3, 3, 256);
        assertThat(features.maxNumber().doubleValue()).as("reference features are not trivial").isGreaterThan(5);

        ComputationGraph keras = PretrainedMobileNet.importKeras(PretrainedMobileNet.defaultFolder());
        assertThat(maxDifference(keras.outputSingle(x), features)).as("DL4J's Keras import").isLessThan(1e-4);
        assertThat(maxDifference(keras.feedForward(x, false).get("conv_pw_13_relu"), lastMap)).isLessThan(1e-4);

        MultiLayerNetwork folded = MobileNetBase.load(PretrainedMobileNet.defaultFolder()).network();
        List<INDArray> activations = folded.feedForward(x, false);
        // activations.get(0) is the input; conv_pw_13 is layer 26, the pooling layer 27. Folding batch norm into
        // the convolutions changes the float32 rounding over 27 layers, and how much depends on the CPU's kernels
        // (1.04e-4 seen on an Intel Xeon host, under 1e-4 on an AMD EPYC one), so the folded network gets 3e-4: still
        // thousands of times below a wrong fold, which is off by the size of the activations (up to 6).
        assertThat(maxDifference(activations.get(27), lastMap)).as("batch norm folded").isLessThan(3e-4);
        assertThat(maxDifference(folded.output(x), features)).isLessThan(3e-4);
    }

    @Test
    void adaptsGreyFacesTo96x96RgbScaledAsTheWeightsExpect() {
        INDArray grey = Nd4j.create(DataType.FLOAT, 2, 1, 48, 48);
        grey.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(0.5);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                grey.putScalar(new long[] {1, 0, y, x}, x / 47.0);
            }
        }
        INDArray rgb = new MobileNetInput().adapt(grey);
        assertThat(rgb.shape()).containsExactly(2, 96, 96, 3);
        assertThat(rgb.getDouble(0, 50, 50, 1)).as("mid grey is 0 after v/127.5 - 1").isEqualTo(0.0);
        for (int x = 0; x < 96; x++) {
            // pixel centres aligned: output x looks at source (x + 0.5) / 2 - 0.5, clamped to the image
            double source = Math.max(0, Math.min(47, (x + 0.5) / 2 - 0.5));
            double expected = 2 * source / 47 - 1;
            for (int c = 0; c < 3; c++) {
                assertThat(rgb.getDouble(1, 14, x, c)).as("x %d channel %d", x, c)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void hasMobileNetsSizeAndCost() {
        FerNetwork net = ARCH.build(new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of()));
        // base 210,336 (27 convolutions with folded batch norm); head: batch norm 512, dense 65,792,
        // batch norm 512, softmax 1,799 (batch-norm statistics are not learnable)
        assertThat(net.trainableParams()).isEqualTo(278_951L);
        assertThat(net.flopsPerImage()).isEqualTo(14_978_304L + 2 * (256 * 256 + 256 * 7));
        assertThat(net.numClasses()).isEqualTo(7);
        assertThat(ARCH.blocks()).isEqualTo(13);
    }

    @Test
    void wholeNetworkIsTheHeadOnTheCachedFeatures() {
        FerNetwork head = ARCH.buildHead(SPEC);
        FerNetwork whole = ARCH.assemble(SPEC, head, 0);
        INDArray features = ARCH.featureExtractor().features(faces);
        assertThat(features.shape()).containsExactly(images.size(), 256);
        INDArray expected = head.output(features);
        assertThat(expected.maxNumber().doubleValue() - expected.minNumber().doubleValue()).isGreaterThan(0.01);
        assertThat(maxDifference(whole.output(faces), expected)).isLessThan(1e-5);
    }

    @Test
    void fineTuningTrainsOnlyTheLastBlocksAndTheHead() {
        FerNetwork net = ARCH.assemble(SPEC, ARCH.buildHead(SPEC), 2);
        MultiLayerNetwork layers = (MultiLayerNetwork) net.dl4jModel();
        List<INDArray> before = new ArrayList<>();
        for (int i = 0; i < layers.getnLayers(); i++) {
            before.add(layers.getLayer(i).params() == null ? null : layers.getLayer(i).params().dup());
        }
        net.fit(new DataSet(faces, FaceTensors.targets(images.labels(), 3, 0)));
        int firstTrainable = 1 + 2 * (13 - 2);
        for (int i = 0; i < layers.getnLayers(); i++) {
            if (before.get(i) == null || before.get(i).length() == 0) {
                continue;
            }
            boolean changed = maxDifference(layers.getLayer(i).params(), before.get(i)) > 0;
            assertThat(changed).as("layer %d changed", i).isEqualTo(i >= firstTrainable);
        }
        assertThatThrownBy(() -> ARCH.assemble(SPEC, ARCH.buildHead(SPEC), 14)).hasMessageContaining("13 blocks");
    }

    @Test
    void savedParametersLoadWithoutThePretrainedFiles() {
        FerNetwork trained = ARCH.assemble(SPEC, ARCH.buildHead(SPEC), 1);
        MobileNetArchitecture elsewhere = new MobileNetArchitecture(tmp.resolve("no-pretrained-files"));
        FerNetwork copy = elsewhere.buildForInference(3, trained.params().dup().data().asFloat());
        assertThat(maxDifference(copy.output(faces), trained.output(faces))).isLessThan(1e-5);
        assertThatThrownBy(() -> ARCH.buildForInference(3, new float[10])).hasMessageContaining("10 parameters");
        assertThatThrownBy(() -> ARCH.assemble(new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of()),
                ARCH.buildHead(SPEC), 0)).hasMessageContaining("for 7 classes");
    }

    @Test
    void missingOrForeignPretrainedFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> new MobileNetArchitecture(tmp).build(SPEC))
                .hasMessageContaining("pretrained MobileNet is missing").hasMessageContaining(tmp.toString());
        Files.copy(PretrainedMobileNet.defaultFolder().resolve(PretrainedMobileNet.CONFIG_FILE),
                tmp.resolve(PretrainedMobileNet.CONFIG_FILE));
        Files.writeString(tmp.resolve(PretrainedMobileNet.WEIGHTS_FILE), "not HDF5");
        assertThatThrownBy(() -> new MobileNetArchitecture(tmp).featureExtractor())
                .hasMessageContaining("not the expected MobileNet weights file");
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    /** A raw little-endian float32 test vector from the shared MobileNet folder (copied to test resources). */
    private static INDArray testVector(String name, long... shape) throws IOException {
        try (InputStream in = MobileNetArchitectureTest.class.getResourceAsStream("mobilenet/" + name)) {
            assertThat(in).as(name).isNotNull();
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(values);
            return Nd4j.create(values, shape, 'c');
        }
    }
}
