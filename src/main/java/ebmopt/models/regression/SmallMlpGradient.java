package ebmopt.models.regression;

import ebmopt.models.RowArrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * d f / d x of an {@link Mlp} in plain Java loops, row by row (the same arithmetic as its ND4J
 * backward pass, in double precision from the float weights): the fast path for small networks,
 * where a sampler step would otherwise be dominated by ND4J's per-op overhead.
 */
final class SmallMlpGradient {
    private SmallMlpGradient() {
    }

    static double[][] of(INDArray[] weights, INDArray[] biases, HiddenActivation activation, double[][] x) {
        int layers = weights.length;
        float[][][] w = new float[layers][][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int rows = weights[l].rows();
            int cols = weights[l].columns();
            float[] flat = RowArrays.flat(weights[l]);
            w[l] = new float[rows][cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * cols, w[l][r], 0, cols);
            }
            b[l] = RowArrays.flat(biases[l]);
        }
        double[][] out = new double[x.length][];
        // per layer, the activation's slope at each unit
        double[][] slopes = new double[layers][];
        for (int i = 0; i < x.length; i++) {
            double[] h = x[i];
            for (int l = 0; l < layers - 1; l++) {
                double[] a = new double[b[l].length];
                for (int o = 0; o < a.length; o++) {
                    a[o] = b[l][o];
                }
                for (int k = 0; k < h.length; k++) {
                    double hk = h[k];
                    float[] row = w[l][k];
                    for (int o = 0; o < a.length; o++) {
                        a[o] += hk * row[o];
                    }
                }
                double[] next = new double[a.length];
                double[] slope = new double[a.length];
                for (int o = 0; o < a.length; o++) {
                    next[o] = activation.apply(a[o]);
                    slope[o] = activation.slope(a[o]);
                }
                slopes[l] = slope;
                h = next;
            }
            // backward from d f / d f = 1 through the output layer [h_last, 1]
            double[] g = new double[w[layers - 1].length];
            for (int k = 0; k < g.length; k++) {
                g[k] = w[layers - 1][k][0];
            }
            for (int l = layers - 2; l >= 0; l--) {
                float[][] wl = w[l];
                double[] below = new double[wl.length];
                for (int o = 0; o < g.length; o++) {
                    if (slopes[l][o] == 0) {
                        continue;
                    }
                    double go = g[o] * slopes[l][o];
                    for (int k = 0; k < wl.length; k++) {
                        below[k] += go * wl[k][o];
                    }
                }
                g = below;
            }
            out[i] = g;
        }
        return out;
    }
}
