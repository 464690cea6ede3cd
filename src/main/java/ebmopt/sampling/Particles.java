package ebmopt.sampling;

import java.util.Arrays;

/** Small helpers over particle sets (rows of equal length). */
final class Particles {
    private Particles() {
    }

    static double[][] copy(double[][] points) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = points[i].clone();
        }
        return out;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }

    /** The median of the pairwise distances (not squared) between distinct rows. */
    static double medianPairwiseDistance(double[][] z) {
        int q = z.length;
        double[] distances = new double[q * (q - 1) / 2];
        int n = 0;
        for (int i = 0; i < q; i++) {
            for (int j = i + 1; j < q; j++) {
                distances[n++] = Math.sqrt(squaredDistance(z[i], z[j]));
            }
        }
        Arrays.sort(distances);
        return n % 2 == 1 ? distances[n / 2] : 0.5 * (distances[n / 2 - 1] + distances[n / 2]);
    }
}
