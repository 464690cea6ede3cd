package ebmopt.tasks;

import java.util.Arrays;

/** NumPy's default percentile (linear interpolation between closest ranks). */
public final class Percentile {
    private Percentile() {
    }

    /** The {@code q}-th percentile (0..100) of {@code values}, computed in double precision. */
    public static double of(float[] values, double q) {
        double[] wide = new double[values.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = values[i];
        }
        return of(wide, q);
    }

    /** The same for doubles. */
    public static double of(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = (sorted.length - 1) * q / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
