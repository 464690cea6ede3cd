package ebmopt.models.regression;

import ebmopt.models.RowArrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected network f(x) = W_out act(... act(x W_1 + b_1) ...) + b_out with a
 * scalar output and act any {@link HiddenActivation}: ReLU (design-baselines' forward model: two
 * hidden layers of 2048 ReLU units), Swish (x sigmoid(x), smooth: energy models sampled by
 * Langevin dynamics), or tanh, leaky ReLU and ELU (through Deeplearning4j's activations),
 * written by hand on ND4J (float32, every product through {@link Nd4j#gemm}): forward passes
 * that keep their activations, backward passes that add parameter gradients for any dL/df,
 * and input gradients for samplers. Weights are Glorot-uniform, biases zero (Keras'
 * defaults, as design-baselines).
 *
 * <p>Not thread-safe: one trial owns one network.
 */
public final class Mlp implements Regressor {
    private static final long serialVersionUID = 1L;

    /**
     * Networks with at most this many parameters compute input gradients in plain Java: on the
     * spiral's 2 -> 256 -> 1 network ND4J's per-op overhead, not arithmetic, dominated a
     * sampler step.
     */
    static final long SMALL_NETWORK = 10_000;

    private final int inputDim;
    private final HiddenActivation activation;
    /** Weights [in, out] and biases [1, out] of every layer, the output layer last. */
    private final INDArray[] weights;
    private final INDArray[] biases;
    private transient INDArray[] weightGrads;
    private transient INDArray[] biasGrads;

    /** A ReLU network of input dimension {@code inputDim}, hidden widths {@code hidden}, initialised from {@code seed}. */
    public Mlp(int inputDim, List<Integer> hidden, long seed) {
        this(inputDim, hidden, HiddenActivation.RELU, seed);
    }

    /** A network with {@code activation} in its hidden layers. */
    public Mlp(int inputDim, List<Integer> hidden, HiddenActivation activation, long seed) {
        this.inputDim = inputDim;
        this.activation = activation;
        int layers = hidden.size() + 1;
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        SplittableRandom rng = new SplittableRandom(seed);
        int in = inputDim;
        for (int l = 0; l < layers; l++) {
            int out = l < hidden.size() ? hidden.get(l) : 1;
            double limit = Math.sqrt(6.0 / (in + out));
            float[] w = new float[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
            }
            weights[l] = Nd4j.create(w, new long[] {in, out}, DataType.FLOAT);
            biases[l] = Nd4j.zeros(DataType.FLOAT, 1, out);
            in = out;
        }
    }

    /** The activations of one forward pass, kept for its backward pass. */
    public static final class Pass {
        private final INDArray[] inputs;
        private final INDArray[] preActivations;
        private final INDArray output;

        private Pass(INDArray[] inputs, INDArray[] preActivations, INDArray output) {
            this.inputs = inputs;
            this.preActivations = preActivations;
            this.output = output;
        }

        /** f(x), one value per row. */
        public double[] values() {
            float[] f = RowArrays.flat(output);
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    /** The number of layers with parameters (hidden layers plus the output layer). */
    public int layers() {
        return weights.length;
    }

    /** The weights and biases, in order W_1, b_1, ..., W_out, b_out (live arrays, for optimisers). */
    public List<INDArray> parameters() {
        List<INDArray> out = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            out.add(weights[l]);
            out.add(biases[l]);
        }
        return out;
    }

    /** Gradients in the order of {@link #parameters()}, as accumulated since {@link #zeroGradients()}. */
    public List<INDArray> gradients() {
        ensureGradients();
        List<INDArray> out = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            out.add(weightGrads[l]);
            out.add(biasGrads[l]);
        }
        return out;
    }

    /** Sets every accumulated gradient to zero. */
    public void zeroGradients() {
        ensureGradients();
        for (int l = 0; l < weights.length; l++) {
            weightGrads[l].assign(0);
            biasGrads[l].assign(0);
        }
    }

    /** A forward pass over the rows of {@code x} (n x d, float). */
    public Pass forward(INDArray x) {
        int layers = weights.length;
        INDArray[] inputs = new INDArray[layers];
        INDArray[] pre = new INDArray[layers - 1];
        INDArray h = x;
        for (int l = 0; l < layers; l++) {
            inputs[l] = h;
            INDArray a = Nd4j.createUninitialized(DataType.FLOAT, h.rows(), weights[l].columns());
            Nd4j.gemm(h, weights[l], a, false, false, 1.0, 0.0);
            a.addiRowVector(biases[l]);
            if (l == layers - 1) {
                return new Pass(inputs, pre, a);
            }
            pre[l] = a;
            h = activate(a);
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Back-propagates dL/df ({@code dOutput}, one value per row of the pass) and adds the
     * parameter gradients into {@link #gradients()}; returns dL/dx (n x d).
     */
    public INDArray backward(Pass pass, INDArray dOutput, boolean accumulateParameters) {
        if (accumulateParameters) {
            ensureGradients();
        }
        INDArray g = dOutput.reshape(dOutput.length(), 1).castTo(DataType.FLOAT);
        for (int l = weights.length - 1; l >= 0; l--) {
            if (l < weights.length - 1) {
                g = backpropagate(pass.preActivations[l], g);
            }
            if (accumulateParameters) {
                Nd4j.gemm(pass.inputs[l], g, weightGrads[l], true, false, 1.0, 1.0);
                biasGrads[l].addi(g.sum(0).reshape(1, g.columns()));
            }
            INDArray below = Nd4j.createUninitialized(DataType.FLOAT, g.rows(), weights[l].rows());
            Nd4j.gemm(g, weights[l], below, false, true, 1.0, 0.0);
            g = below;
        }
        return g;
    }

    /** act(a), a new array. */
    private INDArray activate(INDArray a) {
        return switch (activation) {
            case RELU -> Transforms.relu(a, true);
            case SWISH -> Transforms.sigmoid(a, true).muli(a);
            default -> activation.function().getActivation(a.dup(), true);
        };
    }

    /** dL/da from dL/dact {@code g} at pre-activations {@code a}: g act'(a), a new array. */
    private INDArray backpropagate(INDArray a, INDArray g) {
        return switch (activation) {
            case RELU -> g.mul(Transforms.step(a, true));
            case SWISH -> g.mul(swishDerivative(a));
            default -> activation.function().backprop(a.dup(), g.dup()).getFirst();
        };
    }

    /** d/da of a sigmoid(a): s (1 + a (1 - s)) with s = sigmoid(a). */
    private static INDArray swishDerivative(INDArray a) {
        INDArray s = Transforms.sigmoid(a, true);
        return s.rsub(1).muli(a).addi(1).muli(s);
    }

    @Override
    public double[] predict(double[][] x) {
        return forward(RowArrays.toArray(x)).values();
    }

    @Override
    public double[][] inputGradient(double[][] x) {
        if (parameterCount() <= SMALL_NETWORK) {
            return SmallMlpGradient.of(weights, biases, activation, x);
        }
        return RowArrays.toRows(inputGradient(RowArrays.toArray(x)));
    }

    /** The number of weights and biases. */
    public long parameterCount() {
        long n = 0;
        for (int l = 0; l < weights.length; l++) {
            n += weights[l].length() + biases[l].length();
        }
        return n;
    }

    /** d f / d x at every row (n x d). */
    public INDArray inputGradient(INDArray x) {
        Pass pass = forward(x);
        return backward(pass, Nd4j.ones(DataType.FLOAT, x.rows(), 1), false);
    }

    private void ensureGradients() {
        if (weightGrads == null) {
            weightGrads = new INDArray[weights.length];
            biasGrads = new INDArray[weights.length];
            for (int l = 0; l < weights.length; l++) {
                weightGrads[l] = Nd4j.zeros(DataType.FLOAT, weights[l].rows(), weights[l].columns());
                biasGrads[l] = Nd4j.zeros(DataType.FLOAT, 1, biases[l].columns());
            }
        }
    }
}
