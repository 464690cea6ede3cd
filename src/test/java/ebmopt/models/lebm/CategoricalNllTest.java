package ebmopt.models.lebm;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The decoder's per-position categorical NLL, at ordinary logits and at a very confident decoder. */
class CategoricalNllTest {
    private static final int POSITIONS = 2;
    private static final int VOCABULARY = 4;

    @Test
    void ordinaryLogitsGiveMinusTheLogSoftmaxOfTheChosenTokens() {
        float[] logits = {0.5f, -1f, 2f, 0f, /* position 2 */ 1f, 1f, -3f, 0.25f};
        float[] x = {0, 0, 1, 0, /* position 2 */ 1, 0, 0, 0};
        double expected = -logSoftmax(logits, 0, 2) - logSoftmax(logits, 4, 0);
        assertEquals(expected, nll(logits, x).getDouble(0), 1e-5);
    }

    @Test
    void aVeryConfidentDecoderHasAFiniteExactNll() {
        // a gap of 200 between logits: SameDiff's logSoftmax gives -inf for the others there
        float[] logits = {200f, 0f, 0f, 0f, /* position 2 */ 0f, 200f, 0f, 0f};
        float[] right = {1, 0, 0, 0, 0, 1, 0, 0};
        float[] wrong = {0, 1, 0, 0, 0, 1, 0, 0};
        assertEquals(0.0, nll(logits, right).getDouble(0), 1e-6);
        assertEquals(200.0, nll(logits, wrong).getDouble(0), 1e-3);
    }

    @Test
    void itsGradientIsTheSoftmaxMinusTheOneHot() {
        float[] logits = {0.5f, -1f, 2f, 0f, 150f, 1f, -3f, 0.25f};
        float[] x = {0, 0, 1, 0, 0, 1, 0, 0};
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.var("a", Nd4j.createFromArray(logits).reshape(1, logits.length));
        SDVariable xv = sd.constant(Nd4j.createFromArray(x).reshape(1, x.length));
        sd.sum("loss", LatentVae.categoricalNll(sd, a, xv, POSITIONS, VOCABULARY));
        sd.setLossVariables("loss");
        INDArray grad = sd.calculateGradients(Map.of(), "a").get("a");
        for (int p = 0; p < POSITIONS; p++) {
            for (int v = 0; v < VOCABULARY; v++) {
                int i = p * VOCABULARY + v;
                double softmax = Math.exp(logSoftmax(logits, p * VOCABULARY, v));
                assertEquals(softmax - x[i], grad.getDouble(0, i), 1e-5, "position " + p + " token " + v);
            }
        }
    }

    private static INDArray nll(float[] logits, float[] x) {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.constant(Nd4j.createFromArray(logits).reshape(1, logits.length).castTo(DataType.FLOAT));
        SDVariable xv = sd.constant(Nd4j.createFromArray(x).reshape(1, x.length));
        return LatentVae.categoricalNll(sd, a, xv, POSITIONS, VOCABULARY).eval();
    }

    /** log softmax of token v among logits[from .. from + VOCABULARY), in double precision. */
    private static double logSoftmax(float[] logits, int from, int v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < VOCABULARY; i++) {
            max = Math.max(max, logits[from + i]);
        }
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += Math.exp(logits[from + i] - max);
        }
        return logits[from + v] - max - Math.log(sum);
    }
}
