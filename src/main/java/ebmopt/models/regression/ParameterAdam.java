package ebmopt.models.regression;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015; default betas 0.9, 0.999 and epsilon 1e-7, Keras' defaults) over
 * a network's parameter arrays, minimising: p &lt;- p - lr * m_hat / (sqrt(v_hat) + eps).
 */
public final class ParameterAdam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-7;

    private final double learningRate;
    private final List<INDArray> parameters;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private int t;

    public ParameterAdam(List<INDArray> parameters, double learningRate) {
        this.parameters = parameters;
        this.learningRate = learningRate;
        for (INDArray p : parameters) {
            m.add(p.like().assign(0));
            v.add(p.like().assign(0));
        }
    }

    /** One descent step along {@code gradients} (in the order of the parameters). */
    public void step(List<INDArray> gradients) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < parameters.size(); i++) {
            INDArray g = gradients.get(i);
            m.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            v.get(i).muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray denom = Transforms.sqrt(v.get(i).div(c2), true).addi(EPSILON);
            parameters.get(i).subi(m.get(i).mul(learningRate / c1).divi(denom));
        }
    }
}
