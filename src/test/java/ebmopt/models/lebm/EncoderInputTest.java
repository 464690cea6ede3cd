package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.LoadRequest;
import ebmopt.config.RecordBinder;
import ebmopt.run.SweepPlan;
import ebmopt.sweep.TrialSpec;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import ebmopt.testing.TestSweeps;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * encoder-input: x trains a VAE whose encoder ignores y (LatentVae's side: ElboGradientsTest), so
 * the trained model differs; x-and-y, the default, leaves earlier trial ids as they were.
 */
class EncoderInputTest {
    @Test
    void anEncoderOfXAloneTrainsAnotherModel() {
        Task task = TaskRegistry.load("branin-50", TinyLebm.DATA, TinyLebm.SEED);
        LebmParams blind = RecordBinder.bind(ConfigFactory.parseString("encoder-input = x").withFallback(
                ConfigFactory.parseMap(RecordBinder.toMap(TinyLebm.PARAMS))), "params", LebmParams.class);
        assertEquals(EncoderInput.X, blind.encoderInput());
        assertEquals(EncoderInput.X_AND_Y, TinyLebm.PARAMS.encoderInput());
        double[][] z = trained(TinyLebm.PARAMS, task).initialParticles(4, new SplittableRandom(2));
        double[] seeing = trained(TinyLebm.PARAMS, task).predictedScores(z);
        double[] again = trained(TinyLebm.PARAMS, task).predictedScores(z);
        double[] notSeeing = trained(blind, task).predictedScores(z);
        assertEquals(Arrays.toString(seeing), Arrays.toString(again), "training is deterministic");
        assertNotEquals(Arrays.toString(seeing), Arrays.toString(notSeeing));
    }

    @Test
    void theDefaultKeepsEarlierTrialIds() {
        // ids of jobs/lebm-table7.conf's ci trials, computed before encoder-input existed
        assertEquals(List.of("650117676cfa5018", "6881a74ccc01919e"), ids(List.of()));
        assertEquals(ids(List.of()), ids(List.of("params.encoder-input=x-and-y")));
        assertNotEquals(ids(List.of()).get(0), ids(List.of("params.encoder-input=x")).get(0));
    }

    private static LatentEbm trained(LebmParams p, Task task) {
        LatentEbm model = new LatentEbm(p, task.visible(), task.encoding(), TinyLebm.SEED);
        for (int it = 1; it <= p.iterations(); it++) {
            model.step(it);
        }
        return model;
    }

    private static List<String> ids(List<String> overrides) {
        return SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"), "ci", overrides))
                .trials().stream().map(TrialSpec::trialId).toList();
    }
}
