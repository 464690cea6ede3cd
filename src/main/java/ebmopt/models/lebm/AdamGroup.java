package ebmopt.models.lebm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam over one parameter group, with PyTorch's semantics: the gradients of the whole group
 * are first clipped to a global L2 norm ({@code clip_grad_norm_}; the paper clips at 100),
 * then every parameter takes a bias-corrected Adam step (descent).
 */
final class AdamGroup {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double clipNorm;
    private final List<INDArray> params = new ArrayList<>();
    private final List<INDArray> grads = new ArrayList<>();
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private final List<INDArray> scratch = new ArrayList<>();
    private int t;
    private double lastNorm;

    AdamGroup(double lr, double beta1, double beta2, double clipNorm) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.clipNorm = clipNorm;
    }

    /** Adds a parameter and the array its gradient is written into (same shape). */
    AdamGroup add(INDArray param, INDArray grad) {
        params.add(param);
        grads.add(grad);
        m.add(param.ulike().assign(0));
        v.add(param.ulike().assign(0));
        scratch.add(param.ulike());
        return this;
    }

    /** Replaces parameter {@code i}'s gradient array (for gradients computed anew each step). */
    void gradient(int i, INDArray grad) {
        grads.set(i, grad);
    }

    int size() {
        return params.size();
    }

    /**
     * Every array the group's next steps depend on, in a fixed order: the parameters, then
     * Adam's first and second moments (a checkpoint saves and restores them in place).
     */
    List<INDArray> state() {
        List<INDArray> all = new ArrayList<>(params);
        all.addAll(m);
        all.addAll(v);
        return all;
    }

    /** Steps taken (Adam's bias correction depends on it). */
    int steps() {
        return t;
    }

    /** Restores the step count of a checkpoint. */
    void restoreSteps(int steps) {
        this.t = steps;
    }

    /** The gradient norm before clipping, of the last {@link #step}. */
    double lastGradientNorm() {
        return lastNorm;
    }

    /** Clips the group's gradients to the global norm, then takes one Adam step. */
    void step() {
        double sq = 0;
        for (INDArray g : grads) {
            double n = g.norm2Number().doubleValue();
            sq += n * n;
        }
        lastNorm = Math.sqrt(sq);
        double scale = lastNorm > clipNorm ? clipNorm / (lastNorm + 1e-6) : 1.0;
        t++;
        double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        // in place throughout: no off-heap temporaries per parameter and step
        for (int i = 0; i < params.size(); i++) {
            INDArray g = grads.get(i);
            if (scale != 1.0) {
                g.muli(scale);
            }
            INDArray tmp = scratch.get(i);
            m.get(i).muli(beta1);
            tmp.assign(g).muli(1 - beta1);
            m.get(i).addi(tmp);
            v.get(i).muli(beta2);
            tmp.assign(g).muli(g).muli(1 - beta2);
            v.get(i).addi(tmp);
            tmp.assign(v.get(i));
            Transforms.sqrt(tmp, false);
            tmp.addi(1e-8).rdivi(m.get(i)).muli(alpha);
            params.get(i).subi(tmp);
        }
    }
}
