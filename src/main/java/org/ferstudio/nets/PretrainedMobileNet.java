package org.ferstudio.nets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The ImageNet weights of MobileNet v1 (alpha 0.25), imported with DL4J's Keras import from the files
 * shipped in {@code models/pretrained/mobilenet_v1_0.25/} (see the NOTICE there) and turned into the
 * parameters of {@link MobileNetLayers}' base. Each batch normalisation is folded into the convolution
 * before it ({@code W' = W s}, {@code b = beta - mean s}, {@code s = gamma / sqrt(var + eps)}): with the
 * base frozen, or fine-tuned with its statistics kept (as Keras advises for small data), that is the same
 * function with a third of the layers. Only training needs these files; a trained model carries all its
 * parameters.
 */
final class PretrainedMobileNet {

    static final String WEIGHTS_FILE = "mobilenet_2_5_224_tf_no_top.h5";
    static final String CONFIG_FILE = "mobilenet_v1_0.25_96_notop.json";
    /** The official Keras file (see the folder's README); a different file would silently change every model. */
    static final String WEIGHTS_SHA256 = "dbdb03ee2a22fd895301636cd328b234bb3a9952358f436d82f46b81e0d5b0bf";

    private PretrainedMobileNet() {
    }

    /**
     * {@code models/pretrained/mobilenet_v1_0.25} in the app's folder (system property {@code fer.home}, set
     * by the launcher, as for the shipped models), else in the working directory; {@code fer.pretrained.dir}
     * names another folder holding the pretrained models.
     */
    static Path defaultFolder() {
        String pretrained = System.getProperty("fer.pretrained.dir");
        Path root = pretrained != null ? Path.of(pretrained)
                : Path.of(System.getProperty("fer.home", ".")).resolve("models").resolve("pretrained");
        return root.resolve("mobilenet_v1_0.25").toAbsolutePath().normalize();
    }

    /** The Keras network as DL4J imports it, after checking the weights file. */
    static ComputationGraph importKeras(Path folder) {
        Path weights = folder.resolve(WEIGHTS_FILE);
        Path config = folder.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(weights) || !Files.isRegularFile(config)) {
            throw new IllegalStateException("the pretrained MobileNet is missing: " + folder + " must hold "
                    + WEIGHTS_FILE + " and " + CONFIG_FILE + " (shipped in models/pretrained)");
        }
        String sha = sha256(weights);
        if (!sha.equals(WEIGHTS_SHA256)) {
            throw new IllegalStateException(weights + " is not the expected MobileNet weights file (SHA-256 " + sha
                    + ", expected " + WEIGHTS_SHA256 + ")");
        }
        try {
            return KerasModelImport.importKerasModelAndWeights(config.toString(), weights.toString(), false);
        } catch (IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IllegalStateException("cannot import the pretrained MobileNet from " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** One convolution with its batch normalisation folded in, in DL4J's parameter shapes. */
    record FoldedConvolution(String name, INDArray weights, INDArray bias) {
    }

    /** The base's convolutions in {@link MobileNetLayers} order, each with its batch normalisation folded in. */
    static List<FoldedConvolution> fold(ComputationGraph keras) {
        List<FoldedConvolution> folded = new ArrayList<>();
        for (String conv : MobileNetLayers.kerasConvolutionNames()) {
            Layer bn = keras.getLayer(conv + "_bn");
            double eps = ((BatchNormalization) bn.conf().getLayer()).getEps();
            INDArray scale = bn.getParam("gamma").div(Transforms.sqrt(bn.getParam("var").add(eps)));
            INDArray bias = bn.getParam("beta").sub(bn.getParam("mean").mul(scale));
            INDArray w = keras.getLayer(conv).getParam("W");
            // output channels are axis 0 of a full kernel [out, in, kh, kw], axis 2 of a depthwise one [kh, kw, c, 1]
            long[] scaleShape = MobileNetLayers.isDepthwise(conv) ? new long[] {1, 1, scale.length(), 1}
                    : new long[] {scale.length(), 1, 1, 1};
            folded.add(new FoldedConvolution(conv, w.mul(scale.reshape(scaleShape).broadcast(w.shape())), bias));
        }
        return folded;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
