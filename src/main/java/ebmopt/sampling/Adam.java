package ebmopt.sampling;

/**
 * Adam (Kingma and Ba 2015) with default betas and epsilon over a Q x d array of
 * parameters, used as an ascent step: x &lt;- x + lr * m_hat / (sqrt(v_hat) + eps).
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[][] m;
    private final double[][] v;
    private int t;

    Adam(double learningRate, int rows, int cols) {
        this.learningRate = learningRate;
        this.m = new double[rows][cols];
        this.v = new double[rows][cols];
    }

    /** One ascent step of {@code x} along {@code direction}. */
    void ascend(double[][] x, double[][] direction) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[i].length; k++) {
                double g = direction[i][k];
                m[i][k] = BETA1 * m[i][k] + (1 - BETA1) * g;
                v[i][k] = BETA2 * v[i][k] + (1 - BETA2) * g * g;
                x[i][k] += learningRate * (m[i][k] / c1) / (Math.sqrt(v[i][k] / c2) + EPSILON);
            }
        }
    }
}
