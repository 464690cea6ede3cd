package ebmopt.models.regression;

import java.util.Random;

/** A smooth 8-D test function and samples of it, x uniform on [-1, 1]^8. */
final class SmoothFunction {
    static final int DIM = 8;

    final double[][] x;
    final double[] y;

    SmoothFunction(int rows, long seed) {
        Random random = new Random(seed);
        x = new double[rows][DIM];
        y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = 2 * random.nextDouble() - 1;
            }
            y[i] = value(x[i]);
        }
    }

    static double value(double[] v) {
        return Math.sin(2 * v[0]) + v[1] * v[2] + 0.5 * Math.cos(3 * v[3]) + v[4] * v[4] - 0.5 * v[5]
                + 0.3 * Math.sin(v[6] + v[7]);
    }

    double variance() {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double sum = 0;
        for (double v : y) {
            sum += (v - mean) * (v - mean);
        }
        return sum / y.length;
    }

    double meanSquaredError(Regressor f) {
        double[] predicted = f.predict(x);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (predicted[i] - y[i]) * (predicted[i] - y[i]);
        }
        return sum / y.length;
    }
}
