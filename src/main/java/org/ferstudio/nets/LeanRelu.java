package org.ferstudio.nets;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ReLU whose derivative runs as two vectorised element-wise operations (step, then multiply by the gradient). DL4J
 * 1.0.0-M2.1's {@code ActivationReLU} calls libnd4j's {@code relu_bp}, which applies a {@code std::function} to every
 * element: about 3% of a training step of the 3-block CNN (docs/PERFORMANCE.md). Same values: {@code max(x, 0)}
 * forward, gradient passed where {@code x > 0}.
 */
public final class LeanRelu extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        Nd4j.getExecutioner().exec(new RectifiedLinear(in, 0.0));
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Nd4j.getExecutioner().exec(new Step(in, 0.0));
        in.muli(epsilon);
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeanRelu;
    }

    @Override
    public int hashCode() {
        return LeanRelu.class.hashCode();
    }

    @Override
    public String toString() {
        return "relu";
    }
}
