package ebmopt.models.regression;

import ebmopt.testing.TestSweeps;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network regressor (trained on local Spark): input gradients against finite differences, serialisation, shapes. */
class NetworkRegressorTest {
    private static final SmoothFunction DATA = new SmoothFunction(600, 3);

    /** A network trained on local Spark: the Deeplearning4j network is what data-parallel training makes. */
    private static Regressor trained(HiddenActivation activation) {
        RegressorSettings settings = new RegressorSettings(List.of(32, 32), activation, 3e-3, 32, 5,
                TrainerKind.SPARK, 0, 1);
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSweeps.spark().sparkContext());
        return new SparkRegressorTrainer(spark).fit(DATA.x, DATA.y, settings, 11);
    }

    @Test
    void inputGradientMatchesCentralFiniteDifferences() {
        for (HiddenActivation activation : List.of(HiddenActivation.TANH, HiddenActivation.LEAKY_RELU)) {
            Regressor f = trained(activation);
            double[][] points = new SmoothFunction(40, 99).x;
            double[][] gradient = f.inputGradient(points);
            // Smooth tanh: a wide step (float32 rounding stays small); leaky ReLU: a narrow one (fewer kinks crossed).
            double h = activation == HiddenActivation.TANH ? 1e-2 : 1e-3;
            int checked = 0;
            int agreeing = 0;
            double worst = 0;
            for (int i = 0; i < points.length; i++) {
                for (int j = 0; j < SmoothFunction.DIM; j++) {
                    double[][] pair = {points[i].clone(), points[i].clone()};
                    pair[0][j] += h;
                    pair[1][j] -= h;
                    double[] values = f.predict(pair);
                    double difference = (values[0] - values[1]) / (2 * h);
                    double error = Math.abs(difference - gradient[i][j]) / Math.max(0.1, Math.abs(gradient[i][j]));
                    checked++;
                    if (error < 2e-3) {
                        agreeing++;
                    }
                    worst = Math.max(worst, error);
                }
            }
            // tanh is smooth: every component agrees. Leaky ReLU has kinks: a difference whose
            // interval straddles one differs, so allow a few.
            int required = activation == HiddenActivation.TANH ? checked : (int) (0.95 * checked);
            assertTrue(agreeing >= required, activation + ": " + agreeing + " of " + checked
                    + " gradient components within 0.2% of the finite difference; worst relative error " + worst);
        }
    }

    @Test
    void travelsByJavaSerialisationAndPredictsTheSame() throws Exception {
        Regressor f = trained(HiddenActivation.LEAKY_RELU);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        Regressor copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Regressor) in.readObject();
        }
        double[][] points = new SmoothFunction(20, 5).x;
        assertEquals(f.inputDim(), copy.inputDim());
        assertArrayEquals(f.predict(points), copy.predict(points));
        for (int i = 0; i < points.length; i++) {
            assertArrayEquals(f.inputGradient(points)[i], copy.inputGradient(points)[i]);
        }
        assertEquals(((NetworkRegressor) f).settings(), ((NetworkRegressor) copy).settings());
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        Regressor f = trained(HiddenActivation.TANH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.predict(new double[][]{new double[3]}));
        assertTrue(e.getMessage().contains("takes 8"), e.getMessage());
        assertEquals(0, f.predict(new double[0][]).length);
    }
}
