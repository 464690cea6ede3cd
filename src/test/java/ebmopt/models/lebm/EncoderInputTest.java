package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
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
        double[][] z = TinyLebm.trained(TinyLebm.PARAMS, task).initialParticles(4, new SplittableRandom(2));
        double[] seeing = TinyLebm.trained(TinyLebm.PARAMS, task).predictedScores(z);
        double[] again = TinyLebm.trained(TinyLebm.PARAMS, task).predictedScores(z);
        double[] notSeeing = TinyLebm.trained(blind, task).predictedScores(z);
        assertEquals(Arrays.toString(seeing), Arrays.toString(again), "training is deterministic");
        assertNotEquals(Arrays.toString(seeing), Arrays.toString(notSeeing));
    }

    @Test
    void theDefaultKeepsEarlierTrialIds() {
        // ids of jobs/lebm-table7.conf's ci trials, computed before encoder-input existed
        List<String> earlier = TinyLebm.table7CiIds(List.of());
        assertEquals(List.of("650117676cfa5018", "6881a74ccc01919e"), earlier);
        assertEquals(earlier, TinyLebm.table7CiIds(List.of("params.encoder-input=x-and-y")));
        assertNotEquals(earlier.get(0), TinyLebm.table7CiIds(List.of("params.encoder-input=x")).get(0));
    }

}
