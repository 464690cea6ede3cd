package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import ebmopt.testing.PlainTrialContext;
import ebmopt.config.InvalidParameterException;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.experiment.TrialOutcome;
import ebmopt.tasks.BraninTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * y-weight and decoder-std reach a trial: each changes a tiny trial's training and proposals,
 * and decoder-std is refused where the designs are tokens.
 */
class LebmLikelihoodSettingsTest {
    private static final String TINY = """
            iterations = 12, batch-size = 16, ratio-blocks = 1, ratio-hidden = 16, noise-magnitude = 4,
            sampler-steps = 5, candidates = 16, eval-every = 0, loss-curve-every = 2
            """;

    @Test
    void aHeavierYWeightChangesATfBind8Trial() {
        TrialOutcome base = run("task = tf-bind-8");
        TrialOutcome heavy = run("task = tf-bind-8, y-weight = 1000");
        assertNotEquals(curve(base, "vae_loss"), curve(heavy, "vae_loss"));
        assertNotEquals(base.metrics().get("predicted_p100"), heavy.metrics().get("predicted_p100"));
    }

    @Test
    void aNarrowerDecoderChangesABraninTrialsProposals() {
        TrialOutcome base = run("task = branin-50");
        TrialOutcome narrow = run("task = branin-50, decoder-std = 0.1");
        assertNotEquals(base.candidates(), narrow.candidates());
        assertNotEquals(base.metrics().get("raw_best"), narrow.metrics().get("raw_best"));
        assertTrue(narrow.metrics().get("raw_best") <= BraninTask.MAX_VALUE + 1e-9);
    }

    @Test
    void aDecoderStdIsRefusedForTokenDesigns() {
        LebmParams p = params("task = tf-bind-8, decoder-std = 0.5");
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new LebmExperiment().checkInputs(p, Path.of("../shared/data")));
        assertEquals("decoder-std", e.key());
        new LebmExperiment().checkInputs(params("task = branin, decoder-std = 0.5"), Path.of("../shared/data"));
    }

    private static LebmParams params(String settings) {
        return RecordBinder.bind(ConfigFactory.parseString(settings + ", " + TINY)
                .withFallback(ExperimentRegistry.defaults("lebm")), "params", LebmParams.class);
    }

    private static TrialOutcome run(String settings) {
        return new LebmExperiment().run(params(settings), new PlainTrialContext(7));
    }

    private static List<Double> curve(TrialOutcome o, String metric) {
        Map<Long, Double> points = new TreeMap<>();
        o.curves().stream().filter(c -> c.metric().equals(metric)).forEach(c -> points.put(c.step(), c.value()));
        return List.copyOf(points.values());
    }
}
