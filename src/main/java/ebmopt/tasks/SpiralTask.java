package ebmopt.tasks;

import java.util.SplittableRandom;

/**
 * The 2-D spiral toy task of the COMs-as-EBM paper (Sec. 3; docs/methods.md section 5): designs
 * lie on an Archimedean spiral around the origin, and the reward is largest at the centre.
 *
 * <p>Our definitions (the paper gives none numerically):
 * <ul>
 *   <li>the curve: c(theta) = a theta (cos theta, sin theta), theta in [pi, 4 pi], a = 0.12
 *       (radius 0.38 to 1.51, arms 0.75 apart): it does not reach the origin, so the reward's
 *       maximum lies off the data, 0.38 from its nearest valid design;</li>
 *   <li>the data: theta = sqrt(pi^2 + u (16 pi^2 - pi^2)), u ~ U(0, 1) (about uniform along the
 *       curve's length), plus N(0, 0.03^2 I) noise;</li>
 *   <li>a design is <em>valid</em> (on the spiral, "p(x) &gt; 0") when its distance to the
 *       curve is at most {@link #VALID_DISTANCE} = 0.1 (over three noise stds);</li>
 *   <li>the reward (ambiguous in the paper, printed as sum_i exp((x_i - 0)^2), which grows
 *       away from the centre): r(x) = exp(-|x|^2), decreasing with the distance from the
 *       origin, 1 at the centre. Scores are normalised with [0, 1].</li>
 * </ul>
 */
public final class SpiralTask extends PlaneTask {
    public static final String NAME = "spiral";
    public static final double SLOPE = 0.12;
    public static final double MIN_ANGLE = Math.PI;
    public static final double MAX_ANGLE = 4 * Math.PI;
    public static final double NOISE = 0.03;
    public static final double VALID_DISTANCE = 0.1;
    private static final int CURVE_POINTS = 6000;
    private static final double[][] CURVE = curve();

    private SpiralTask(Dataset visible) {
        super(NAME, "spiral", visible, new MinMax(0, 1), SpiralTask::reward);
    }

    /** {@code points} noisy points of the spiral drawn with {@code seed}, scored by the reward. */
    public static SpiralTask generate(int points, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[2 * points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            double theta = Math.sqrt(MIN_ANGLE * MIN_ANGLE + (MAX_ANGLE * MAX_ANGLE - MIN_ANGLE * MIN_ANGLE) * rng.nextDouble());
            x[2 * i] = SLOPE * theta * Math.cos(theta) + NOISE * rng.nextGaussian();
            x[2 * i + 1] = SLOPE * theta * Math.sin(theta) + NOISE * rng.nextGaussian();
            y[i] = reward(x[2 * i], x[2 * i + 1]);
        }
        return new SpiralTask(new Dataset(points, 2, null, x, y));
    }

    /** r(x) = exp(-|x|^2). */
    public static double reward(double x1, double x2) {
        return Math.exp(-(x1 * x1 + x2 * x2));
    }

    /** The distance from (x1, x2) to the curve (to a polyline of 6000 points along it). */
    public static double distanceToCurve(double x1, double x2) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] c : CURVE) {
            double dx = x1 - c[0];
            double dy = x2 - c[1];
            best = Math.min(best, dx * dx + dy * dy);
        }
        return Math.sqrt(best);
    }

    /** Whether (x1, x2) lies on the spiral: within {@link #VALID_DISTANCE} of the curve. */
    public static boolean isValid(double x1, double x2) {
        return distanceToCurve(x1, x2) <= VALID_DISTANCE;
    }

    private static double[][] curve() {
        double[][] c = new double[CURVE_POINTS][];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double theta = MIN_ANGLE + (MAX_ANGLE - MIN_ANGLE) * i / (CURVE_POINTS - 1);
            c[i] = new double[] {SLOPE * theta * Math.cos(theta), SLOPE * theta * Math.sin(theta)};
        }
        return c;
    }
}
