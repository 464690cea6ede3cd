package ebmopt.tasks;

/**
 * Min-max normalisation v -> (v - min) / (max - min), as N2CE normalises y (and continuous
 * x) with the visible data's range; a zero range maps everything to 0.
 *
 * @param min the smallest value
 * @param max the largest value
 */
public record MinMax(double min, double max) {

    public MinMax {
        if (!(min <= max)) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    /** The range of {@code values}. */
    public static MinMax of(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new MinMax(lo, hi);
    }

    public double normalise(double v) {
        return max > min ? (v - min) / (max - min) : 0.0;
    }

    public double denormalise(double u) {
        return min + u * (max - min);
    }

    /** A normalised copy. */
    public double[] normalise(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = normalise(values[i]);
        }
        return out;
    }
}
