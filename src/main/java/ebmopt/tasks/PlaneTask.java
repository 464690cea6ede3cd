package ebmopt.tasks;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A synthetic task over the plane (Branin, the spiral): designs are two real coordinates,
 * the visible rows are generated rather than read (no data files, no checksums), and the
 * oracle is a closed-form function of (x1, x2).
 */
abstract class PlaneTask extends ExactOracleTask {
    private final String label;
    private final DoubleBinaryOperator oracle;

    /**
     * @param label      the task as error messages name it
     * @param scoreRange what scores are normalised with
     * @param oracle     the score of (x1, x2)
     */
    PlaneTask(String name, String label, Dataset visible, MinMax scoreRange, DoubleBinaryOperator oracle) {
        super(name, new Encoding.Continuous(2), visible, scoreRange, Map.of());
        this.label = label;
        this.oracle = oracle;
    }

    @Override
    public double score(double[] features) {
        if (features.length != 2) {
            throw new IllegalArgumentException("a " + label + " design has 2 coordinates, not " + features.length);
        }
        return oracle.applyAsDouble(features[0], features[1]);
    }
}
