package ebmopt.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with the constants, epsilon placement and clipping of its
 * {@link AdamOptions}: every Adam step in this code (the samplers' SVGD, the regressors and
 * COMs' networks, COMs' dual ascent on log alpha, the LEBM's VAE and ratio network) is taken
 * here (the speed benchmark's apart).
 *
 * <p>It steps either a group of ND4J parameters, descending along the gradients registered
 * with them ({@link #add}, {@link #step()}), in their data type and in place (one or two
 * scratch arrays per parameter, no temporaries per step), or one double-precision array,
 * ascending or descending ({@link #ascend}, {@link #descend}); an instance does one or the other. Each keeps the operation
 * order its callers always had, so results are bit for bit what they were: in ND4J,
 * bias-corrected {@code p -= (m * (lr / c1)) / (sqrt(v / c2) + eps)} and raw
 * {@code p -= (m / (sqrt(v) + eps)) * alpha_t}; in doubles,
 * {@code x += (+1 or -1) * (lr * (m / c1) / (sqrt(v / c2) + eps))}
 * (c1 = 1 - beta1^t, c2 = 1 - beta2^t).
 *
 * <p>Not thread-safe: one optimiser belongs to one model.
 */
public final class Adam {
    private final double learningRate;
    private final AdamOptions options;
    private final List<INDArray> params = new ArrayList<>();
    private final List<INDArray> grads = new ArrayList<>();
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private final List<INDArray> scratch = new ArrayList<>();
    private final List<INDArray> update = new ArrayList<>();
    private double[][] rowM;
    private double[][] rowV;
    private int t;
    private double lastNorm = Double.NaN;

    public Adam(double learningRate, AdamOptions options) {
        this.learningRate = learningRate;
        this.options = options;
    }

    /** An optimiser over {@code parameters}, their gradients handed to each {@link #step(List)}. */
    public static Adam over(List<INDArray> parameters, double learningRate, AdamOptions options) {
        Adam adam = new Adam(learningRate, options);
        for (INDArray p : parameters) {
            adam.add(p, null);
        }
        return adam;
    }

    /** Adds a parameter and the array its gradient is written into (same shape). */
    public Adam add(INDArray param, INDArray grad) {
        if (rowM != null) {
            throw new IllegalStateException("this Adam steps a double array; it takes no ND4J parameters");
        }
        params.add(param);
        grads.add(grad);
        m.add(param.ulike().assign(0));
        v.add(param.ulike().assign(0));
        scratch.add(param.ulike());
        if (options.placement() == EpsilonPlacement.BIAS_CORRECTED) {
            update.add(param.ulike());
        }
        return this;
    }

    /** Replaces parameter {@code i}'s gradient array (for gradients computed anew each step). */
    public void gradient(int i, INDArray grad) {
        grads.set(i, grad);
    }

    /** The number of parameters. */
    public int size() {
        return params.size();
    }

    /**
     * Every array the next steps depend on, in a fixed order: the parameters, then the first
     * and the second moments (a checkpoint saves and restores them in place).
     */
    public List<INDArray> state() {
        List<INDArray> all = new ArrayList<>(params);
        all.addAll(m);
        all.addAll(v);
        return all;
    }

    /** Steps taken (the bias corrections depend on it). */
    public int steps() {
        return t;
    }

    /** Restores the step count of a checkpoint. */
    public void restoreSteps(int steps) {
        this.t = steps;
    }

    /** The gradients' global L2 norm before clipping, at the last step; NaN without clipping. */
    public double lastGradientNorm() {
        return lastNorm;
    }

    /** One descent step along {@code gradients}, in the order of the parameters. */
    public void step(List<INDArray> gradients) {
        for (int i = 0; i < gradients.size(); i++) {
            grads.set(i, gradients.get(i));
        }
        step();
    }

    /** Clips the registered gradients (when the options say so, in place), then takes one descent step. */
    public void step() {
        double scale = 1.0;
        if (options.clips()) {
            double sq = 0;
            for (INDArray g : grads) {
                double n = g.norm2Number().doubleValue();
                sq += n * n;
            }
            scale = clipScale(Math.sqrt(sq));
        }
        t++;
        double c1 = 1 - Math.pow(options.beta1(), t);
        double c2 = 1 - Math.pow(options.beta2(), t);
        double alpha = learningRate * Math.sqrt(c2) / c1;
        for (int i = 0; i < params.size(); i++) {
            INDArray g = grads.get(i);
            if (scale != 1.0) {
                g.muli(scale);
            }
            INDArray tmp = scratch.get(i);
            m.get(i).muli(options.beta1());
            tmp.assign(g).muli(options.gradientWeight1());
            m.get(i).addi(tmp);
            v.get(i).muli(options.beta2());
            tmp.assign(g).muli(g).muli(options.gradientWeight2());
            v.get(i).addi(tmp);
            tmp.assign(v.get(i));
            if (options.placement() == EpsilonPlacement.BIAS_CORRECTED) {
                tmp.divi(c2);
                Transforms.sqrt(tmp, false);
                tmp.addi(options.epsilon());
                INDArray u = update.get(i);
                u.assign(m.get(i)).muli(learningRate / c1).divi(tmp);
                params.get(i).subi(u);
            } else {
                Transforms.sqrt(tmp, false);
                tmp.addi(options.epsilon()).rdivi(m.get(i)).muli(alpha);
                params.get(i).subi(tmp);
            }
        }
    }

    /**
     * One ascent step of the double-precision array {@code x} along {@code direction} (same
     * shape, not modified); the first call fixes the shape.
     */
    public void ascend(double[][] x, double[][] direction) {
        arrayStep(x, direction, 1.0);
    }

    /** One descent step of the double-precision array {@code x} along {@code gradient}, as {@link #ascend}. */
    public void descend(double[][] x, double[][] gradient) {
        arrayStep(x, gradient, -1.0);
    }

    /** x += sign * step: sign -1 subtracts the same step exactly. */
    private void arrayStep(double[][] x, double[][] direction, double sign) {
        if (!params.isEmpty()) {
            throw new IllegalStateException("this Adam steps ND4J parameters, not a double array");
        }
        if (rowM == null) {
            rowM = new double[x.length][x[0].length];
            rowV = new double[x.length][x[0].length];
        }
        double scale = options.clips() ? clipScale(norm(direction)) : 1.0;
        t++;
        double b1 = options.beta1();
        double b2 = options.beta2();
        double w1 = options.gradientWeight1();
        double w2 = options.gradientWeight2();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        double alpha = learningRate * Math.sqrt(c2) / c1;
        for (int i = 0; i < x.length; i++) {
            double[] mi = rowM[i];
            double[] vi = rowV[i];
            for (int k = 0; k < x[i].length; k++) {
                double g = scale == 1.0 ? direction[i][k] : direction[i][k] * scale;
                mi[k] = b1 * mi[k] + w1 * g;
                vi[k] = b2 * vi[k] + w2 * g * g;
                if (options.placement() == EpsilonPlacement.BIAS_CORRECTED) {
                    x[i][k] += sign * (learningRate * (mi[k] / c1) / (Math.sqrt(vi[k] / c2) + options.epsilon()));
                } else {
                    x[i][k] += sign * (mi[k] / (Math.sqrt(vi[k]) + options.epsilon()) * alpha);
                }
            }
        }
    }

    /** The factor that brings gradients of global norm {@code norm} within the clip norm (PyTorch's). */
    private double clipScale(double norm) {
        lastNorm = norm;
        return norm > options.clipNorm() ? options.clipNorm() / (norm + 1e-6) : 1.0;
    }

    private static double norm(double[][] a) {
        double sq = 0;
        for (double[] row : a) {
            for (double value : row) {
                sq += value * value;
            }
        }
        return Math.sqrt(sq);
    }
}
