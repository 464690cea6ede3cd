package ebmopt.tasks;

import java.util.Arrays;

/**
 * Designs and scores, row-major: discrete tasks fill {@code tokens} ({@code rows * L}),
 * continuous ones {@code features} ({@code rows * d}); the other is null.
 *
 * @param rows     the number of designs
 * @param width    L (discrete) or d (continuous)
 * @param tokens   token ids, row-major, or null
 * @param features features, row-major, or null
 * @param y        the scores, one per row
 */
public record Dataset(int rows, int width, int[] tokens, double[] features, double[] y) {

    public Dataset {
        if ((tokens == null) == (features == null)) {
            throw new IllegalArgumentException("exactly one of tokens and features");
        }
        int len = tokens != null ? tokens.length : features.length;
        if (len != (long) rows * width || y.length != rows) {
            throw new IllegalArgumentException("sizes do not match rows " + rows + " x width " + width);
        }
    }

    /** Row {@code i}'s tokens (a copy). */
    public int[] tokens(int i) {
        return Arrays.copyOfRange(tokens, i * width, (i + 1) * width);
    }

    /** Row {@code i}'s features (a copy). */
    public double[] features(int i) {
        return Arrays.copyOfRange(features, i * width, (i + 1) * width);
    }

    /** The largest score. */
    public double maxY() {
        return Arrays.stream(y).max().orElse(Double.NaN);
    }

    /** The min-max normalisation of the scores (N2CE normalises y with the visible data's range). */
    public MinMax yRange() {
        return MinMax.of(y);
    }
}
