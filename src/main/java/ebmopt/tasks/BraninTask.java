package ebmopt.tasks;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The Branin toy task of the N2CE paper (Appendix D.6; docs/methods.md section 6), maximised:
 *
 * <pre>
 * f(x1, x2) = -a (x2 - b x1^2 + c x1 - r)^2 - s (1 - t) cos(x1) - s,   x in [-5, 10] x [0, 15]
 * </pre>
 *
 * with a = 1, b = 5.1 / (4 pi^2), c = 5 / pi, r = 6, s = 10, t = 1 / (8 pi): three global
 * maxima of -0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475). The offline
 * dataset is N uniform points (drawn with the trial's seed) with the top 10% by value
 * removed; the oracle is f itself.
 *
 * <p>Normalisation (ambiguous in the paper): scores are normalised with f's exact range over
 * the domain, [f(-5, 0), max f] = [-308.129, -0.397887], rather than the range of one random
 * draw, so that a proposal at a global maximum scores 1 whatever the seed.
 */
public final class BraninTask extends PlaneTask {
    public static final String NAME = "branin";
    public static final String NAME_SMALL = "branin-50";
    public static final double MAX_VALUE = -0.39788735772973816;
    public static final double X1_LOW = -5;
    public static final double X1_HIGH = 10;
    public static final double X2_LOW = 0;
    public static final double X2_HIGH = 15;
    /** The three global maxima (x1, x2). */
    public static final double[][] MAXIMA = {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}};
    private static final double B = 5.1 / (4 * Math.PI * Math.PI);
    private static final double C = 5 / Math.PI;
    private static final double T = 1 / (8 * Math.PI);
    /** f's minimum on the domain, at the corner (-5, 0). */
    public static final double MIN_VALUE = value(X1_LOW, X2_LOW);

    private BraninTask(String name, Dataset visible) {
        super(name, "Branin", visible, new MinMax(MIN_VALUE, MAX_VALUE), BraninTask::value);
    }

    @Override
    public java.util.Optional<double[][]> designBox() {
        return java.util.Optional.of(new double[][] {{X1_LOW, X2_LOW}, {X1_HIGH, X2_HIGH}});
    }

    /** f's global maximum, -0.398. */
    @Override
    public OptionalDouble knownOptimum() {
        return OptionalDouble.of(MAX_VALUE);
    }

    /** f at (x1, x2). */
    public static double value(double x1, double x2) {
        double q = x2 - B * x1 * x1 + C * x1 - 6;
        return -q * q - 10 * (1 - T) * Math.cos(x1) - 10;
    }

    /** N uniform points drawn with {@code seed}, the top 10% by value removed. */
    static BraninTask generate(String name, int points, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[2 * points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[2 * i] = X1_LOW + (X1_HIGH - X1_LOW) * rng.nextDouble();
            x[2 * i + 1] = X2_LOW + (X2_HIGH - X2_LOW) * rng.nextDouble();
            y[i] = value(x[2 * i], x[2 * i + 1]);
        }
        Integer[] order = new Integer[points];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(y[i], y[j]));
        int kept = points - points / 10;
        double[] vx = new double[2 * kept];
        double[] vy = new double[kept];
        // Keep the rows in their drawn order: only the membership comes from the sort.
        boolean[] keep = new boolean[points];
        for (int r = 0; r < kept; r++) {
            keep[order[r]] = true;
        }
        for (int i = 0, r = 0; i < points; i++) {
            if (keep[i]) {
                vx[2 * r] = x[2 * i];
                vx[2 * r + 1] = x[2 * i + 1];
                vy[r++] = y[i];
            }
        }
        return new BraninTask(name, new Dataset(kept, 2, null, vx, vy));
    }
}
