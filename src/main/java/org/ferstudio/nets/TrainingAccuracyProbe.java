package org.ferstudio.nets;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts a training batch's right answers from the forward pass DL4J already does for the gradient, so
 * training accuracy costs one small matrix product instead of a second forward pass. DL4J hands
 * listeners the activations up to the output layer's input; multiplying by the output layer's weights
 * gives the logits, whose arg-max is the prediction (softmax keeps the order).
 */
final class TrainingAccuracyProbe extends BaseTrainingListener {

    private INDArray labels;
    private int correct = -1;

    void expect(INDArray batchLabels) {
        labels = batchLabels;
        correct = -1;
    }

    int correct() {
        return correct;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null || activations.isEmpty() || !(model instanceof MultiLayerNetwork net)) {
            return;
        }
        org.deeplearning4j.nn.api.Layer out = net.getOutputLayer();
        INDArray hidden = activations.get(activations.size() - 1);
        if (hidden.rank() != 2 || hidden.size(1) != out.getParam("W").size(0)) {
            return;
        }
        INDArray logits = hidden.mmul(out.getParam("W")).addiRowVector(out.getParam("b"));
        INDArray predicted = logits.argMax(1);
        INDArray truth = labels.argMax(1);
        correct = predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT32).sumNumber().intValue();
    }
}
