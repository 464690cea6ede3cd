package ebmopt.models.coms;

import ebmopt.tasks.Dataset;
import ebmopt.tasks.Encoding;
import ebmopt.tasks.LogitsEncoding;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * A task's visible designs as the real vectors the models see: Design-Bench's logits for token
 * sequences, features otherwise, each optionally z-scored per coordinate (design-baselines'
 * normalize_xs), with the scores z-scored too (normalize_ys); and the way back from a
 * proposal to a design the oracle scores.
 */
final class DesignSpace {
    private final Task task;
    private final double[][] x;
    private final double[] y;
    private final double[] xMean;
    private final double[] xStd;

    private DesignSpace(Task task, double[][] x, double[] y, double[] xMean, double[] xStd) {
        this.task = task;
        this.x = x;
        this.y = y;
        this.xMean = xMean;
        this.xStd = xStd;
    }

    static DesignSpace of(Task task, boolean normaliseX, boolean normaliseY) {
        Dataset data = task.visible();
        double[][] raw = new double[data.rows()][];
        for (int i = 0; i < data.rows(); i++) {
            raw[i] = task.encoding() instanceof Encoding.Discrete discrete
                    ? LogitsEncoding.encode(data.tokens(i), discrete.vocabulary()) : data.features(i);
        }
        int d = raw[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        java.util.Arrays.fill(std, 1.0);
        if (normaliseX) {
            for (int k = 0; k < d; k++) {
                double[] column = new double[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    column[i] = raw[i][k];
                }
                mean[k] = mean(column);
                std[k] = std(column, mean[k]);
            }
        }
        double[][] x = new double[raw.length][d];
        for (int i = 0; i < raw.length; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = (raw[i][k] - mean[k]) / std[k];
            }
        }
        double[] y = data.y().clone();
        if (normaliseY) {
            double m = mean(y);
            double s = std(y, m);
            for (int i = 0; i < y.length; i++) {
                y[i] = (y[i] - m) / s;
            }
        }
        return new DesignSpace(task, x, y, mean, std);
    }

    /** The model-space designs (rows; do not modify). */
    double[][] x() {
        return x;
    }

    /** The model-space scores. */
    double[] y() {
        return y;
    }

    int dimension() {
        return xMean.length;
    }

    /** A model-space point back in the task's coordinates (logits or features). */
    double[] denormalise(double[] z) {
        double[] out = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            out[k] = z[k] * xStd[k] + xMean[k];
        }
        return out;
    }

    /** Model-space points uniform on [low, high]^d in the task's coordinates. */
    double[] normalise(double[] raw) {
        double[] out = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            out[k] = (raw[k] - xMean[k]) / xStd[k];
        }
        return out;
    }

    /** The oracle's scores of model-space proposals (decoded by argmax for token tasks). */
    ProposalScores score(double[][] proposals) {
        if (task.encoding() instanceof Encoding.Discrete discrete) {
            List<int[]> designs = new ArrayList<>();
            for (double[] z : proposals) {
                designs.add(LogitsEncoding.decode(denormalise(z), discrete.vocabulary()));
            }
            return ProposalScores.ofTokens(task, designs);
        }
        List<double[]> designs = new ArrayList<>();
        for (double[] z : proposals) {
            designs.add(denormalise(z));
        }
        return ProposalScores.ofFeatures(task, designs);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s / v.length;
    }

    /** The population std (NumPy's default), 1 for a constant column. */
    private static double std(double[] v, double mean) {
        double s = 0;
        for (double a : v) {
            s += (a - mean) * (a - mean);
        }
        double sd = Math.sqrt(s / v.length);
        return sd > 0 ? sd : 1.0;
    }
}
