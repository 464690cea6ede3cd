package ebmopt.models.coms;

import ebmopt.config.RecordBinder;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.experiment.TrialContext;
import ebmopt.testing.PlainTrialContext;
import ebmopt.experiment.TrialOutcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coms experiment end to end on a tiny spiral: every swept value (alpha, w, the step sizes
 * and step counts, the energy model's chain starts, replay buffer and activation) changes what
 * the trial produces, and the same parameters give the same outcome.
 */
class ComsExperimentTest {
    /** A small spiral setting: one hidden layer of 32, 2 epochs, short chains. */
    private static final String TINY = "task = spiral, hidden = [32], epochs = 2, learning-rate = 1e-3, "
            + "normalise-x = false, scale-steps-by-sqrt-dim = false, alpha-mode = fixed, alpha = 0, "
            + "train-sampler-steps = 5, train-step-size = 0.02, train-final-step-size = 0.001, "
            + "generation-steps = 40, generation-step-size = 0.1, generation-final-step-size = 0.01, "
            + "query-budget = 64, start = uniform, record-candidates = true";

    static ComsParams params(String overrides) {
        com.typesafe.config.Config config = com.typesafe.config.ConfigFactory.parseString(TINY + ", " + overrides)
                .withFallback(ExperimentRegistry.defaults("coms")).resolve();
        return RecordBinder.bind(config, "params", ComsParams.class);
    }

    static TrialOutcome run(String overrides) {
        return new ComsExperiment().run(params(overrides), context(11));
    }

    static TrialContext context(long seed) {
        return new PlainTrialContext(seed);
    }

    @Test
    void sameParametersGiveTheSameOutcome() {
        assertEquals(run("variant = stochastic, alpha = 1").metrics(), run("variant = stochastic, alpha = 1").metrics());
    }

    @Test
    void everySweptValueReachesTheModel() {
        Map<String, Double> base = run("variant = stochastic, alpha = 1").metrics();
        for (String change : new String[] {"alpha = 10", "train-step-size = 0.05", "train-final-step-size = 0.005",
                "train-sampler-steps = 8", "generation-step-size = 0.2", "generation-final-step-size = 0.001",
                "generation-steps = 60", "learning-rate = 3e-3", "epochs = 3"}) {
            Map<String, Double> changed = run("variant = stochastic, alpha = 1, " + change).metrics();
            assertNotEquals(base.get("mean_reward"), changed.get("mean_reward"), change + " changed nothing");
        }
        assertEquals(10, run("variant = stochastic, alpha = 10").metrics().get("alpha_final"), 0);
        Map<String, Double> w0 = run("variant = decoupled, tilt = 0").metrics();
        Map<String, Double> w5 = run("variant = decoupled, tilt = 5").metrics();
        assertNotEquals(w0.get("mean_reward"), w5.get("mean_reward"), "tilt changed nothing");
        assertEquals(w0.get("val_mse"), w5.get("val_mse"), "w acts at generation only");
        for (String change : new String[] {"negative-start = persistent", "energy-activation = swish",
                "energy-regularisation = 0.1"}) {
            Map<String, Double> changed = run("variant = decoupled, tilt = 0, " + change).metrics();
            assertNotEquals(w0.get("energy_gap"), changed.get("energy_gap"), change + " changed nothing");
        }
        Map<String, Double> persistent = run("variant = decoupled, negative-start = persistent").metrics();
        for (String change : new String[] {"replay-buffer-size = 50", "replay-reinit = 0.5"}) {
            Map<String, Double> changed = run("variant = decoupled, negative-start = persistent, " + change).metrics();
            assertNotEquals(persistent.get("energy_gap"), changed.get("energy_gap"), change + " changed nothing");
        }
    }

    @Test
    void dualAscentRaisesAlphaWhenTheOverestimationExceedsTau() {
        // f overestimates its ascent negatives from the start; with tau = 0 the dual step
        // alpha (tau - overestimation) < 0 raises alpha, with tau = 100 it lowers it.
        double low = run("variant = original, alpha-mode = dual, alpha = 0.1, tau = 0, train-step-size = 0.05, "
                + "train-final-step-size = 0.05").metrics().get("alpha_final");
        double high = run("variant = original, alpha-mode = dual, alpha = 0.1, tau = 100, train-step-size = 0.05, "
                + "train-final-step-size = 0.05").metrics().get("alpha_final");
        assertTrue(low > 0.1, "alpha " + low);
        assertTrue(high < 0.1, "alpha " + high);
    }

    @Test
    void proposalsAreRecordedAsCandidatesWithTheSpiralMetrics() {
        TrialOutcome o = run("variant = original, alpha = 0");
        assertEquals(64, o.candidates().size());
        String[] xy = o.candidates().get(0).design().split(",");
        assertEquals(2, xy.length);
        double r = Math.exp(-(Math.pow(Double.parseDouble(xy[0]), 2) + Math.pow(Double.parseDouble(xy[1]), 2)));
        assertEquals(r, o.candidates().get(0).score(), 1e-5);
        for (String m : new String[] {"valid_fraction", "mean_reward", "mean_reward_valid", "diversity",
                "distinct_fraction", "valid_near_centre_fraction", "score_p100", "val_mse"}) {
            assertTrue(o.metrics().containsKey(m), m);
        }
    }
}
