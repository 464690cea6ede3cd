package ebmopt.models.lebm;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The central finite difference of a loss in one entry of a parameter array, for the gradient tests. */
final class CentralDifference {
    private CentralDifference() {
    }

    /** (loss(p_i + h) - loss(p_i - h)) / 2h, entry {@code i} of {@code param} restored afterwards. */
    static double of(INDArray param, long i, double h, DoubleSupplier loss) {
        double v = param.getDouble(i);
        param.putScalar(i, v + h);
        double up = loss.getAsDouble();
        param.putScalar(i, v - h);
        double down = loss.getAsDouble();
        param.putScalar(i, v);
        return (up - down) / (2 * h);
    }
}
