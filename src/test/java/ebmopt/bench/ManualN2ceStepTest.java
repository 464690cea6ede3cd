package ebmopt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The hand-written step's loss and every gradient against SameDiff's autodiff, at a small size. */
class ManualN2ceStepTest {

    @Test
    void lossAndGradientsMatchSameDiff() {
        Nd4j.getRandom().setSeed(1);
        RatioNetwork net = new RatioNetwork(20, 32, 3, false, false);
        N2ceStepBenchmark.Step reference = new N2ceStepBenchmark.Step(net, true, 16, 160);
        List<String> names = new ArrayList<>(net.weights().keySet());
        Map<String, INDArray> expected = reference.sd.calculateGradients(reference.inputs, names);
        double expectedLoss = reference.sd.output(reference.inputs, "loss").get("loss").getDouble(0);
        Map<String, INDArray> in = reference.inputs;
        ManualN2ceStep manual = new ManualN2ceStep(net.weights(), 3, in.get("z"), in.get("k"), in.get("sign"),
                in.get("weight"), 100, 5e-5);
        assertEquals(expectedLoss, manual.forward(), 1e-5 * Math.abs(expectedLoss));
        manual.backward();
        for (String name : names) {
            INDArray want = expected.get(name);
            double err = manual.gradients().get(name).sub(want).amaxNumber().doubleValue()
                    / Math.max(1e-12, want.amaxNumber().doubleValue());
            assertTrue(err < 1e-3, name + ": max relative error " + err);
        }
        double before = manual.forward();
        for (int i = 0; i < 20; i++) {
            manual.step();
        }
        assertTrue(manual.forward() < before, "20 Adam steps lower the loss");
    }
}
