package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.experiment.TrialCheckpoints;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An LEBM trial interrupted part-way resumes from its checkpoint and ends exactly where the
 * uninterrupted trial ends: the same scores, curves and candidates (tiny networks on TF-Bind-8).
 */
class LebmCheckpointTest {
    private static final int ITERATIONS = 24;
    private static final LebmParams PARAMS = RecordBinder.bind(ConfigFactory.parseString("""
            iterations = 24, batch-size = 16, ratio-blocks = 1, ratio-hidden = 16, noise-magnitude = 4,
            sampler-steps = 5, candidates = 16, eval-every = 5, eval-sampler-steps = 3, loss-curve-every = 2
            """).withFallback(ExperimentRegistry.defaults("lebm")), "params", LebmParams.class);

    @Test
    void aTrialKilledAfterACheckpointResumesToTheSameResult() {
        TrialOutcome straight = new LebmExperiment().run(PARAMS, new Context(TrialCheckpoints.none(), Integer.MAX_VALUE));

        MemoryCheckpoints store = new MemoryCheckpoints();
        // the first attempt saves after every iteration and dies during iteration 13's progress report
        assertThrows(Killed.class, () -> new LebmExperiment().run(PARAMS, new Context(store, 13)));
        assertEquals(13, store.saves, "one save per finished iteration up to the kill");
        TrialOutcome resumed = new LebmExperiment().run(PARAMS, new Context(store, Integer.MAX_VALUE));
        assertEquals(13 + (ITERATIONS - 1 - 13), store.saves, "the resumed attempt saves from iteration 14 on");

        assertEquals(0.0, straight.metrics().get("resumed_from_iteration"));
        assertEquals(13.0, resumed.metrics().get("resumed_from_iteration"));
        assertEquals(withoutTimings(straight.metrics()), withoutTimings(resumed.metrics()));
        assertEquals(straight.curves(), resumed.curves());
        assertEquals(straight.candidates(), resumed.candidates());
        assertTrue(straight.curves().stream().anyMatch(c -> c.metric().equals("score_p100") && c.step() == 10),
                "a curve point before the kill is kept across the resume");
    }

    @Test
    void aCheckpointOfAnotherModelOrADamagedOneIsIgnored() {
        MemoryCheckpoints store = new MemoryCheckpoints();
        assertThrows(Killed.class, () -> new LebmExperiment().run(PARAMS, new Context(store, 2)));
        LebmParams wider = RecordBinder.bind(ConfigFactory.parseString("ratio-hidden = 32").withFallback(
                ConfigFactory.parseMap(RecordBinder.toMap(PARAMS))), "params", LebmParams.class);
        TrialOutcome fresh = new LebmExperiment().run(wider, new Context(TrialCheckpoints.none(), Integer.MAX_VALUE));
        TrialOutcome overOther = new LebmExperiment().run(wider, new Context(store, Integer.MAX_VALUE));
        assertEquals(0.0, overOther.metrics().get("resumed_from_iteration"));
        assertEquals(withoutTimings(fresh.metrics()), withoutTimings(overOther.metrics()), "trained from the start");

        byte[] state = store.latest().orElseThrow();
        store.save(java.util.Arrays.copyOf(state, state.length / 2));
        TrialOutcome overTruncated = new LebmExperiment().run(PARAMS, new Context(store, Integer.MAX_VALUE));
        assertEquals(0.0, overTruncated.metrics().get("resumed_from_iteration"));
    }

    private static Map<String, Double> withoutTimings(Map<String, Double> metrics) {
        Map<String, Double> out = new TreeMap<>(metrics);
        out.keySet().removeIf(k -> k.endsWith("_seconds") || k.equals("seconds_per_iteration")
                || k.equals("resumed_from_iteration"));
        return out;
    }

    /** Thrown by the context to stand in for a killed executor. */
    private static final class Killed extends RuntimeException {
        Killed(long step) {
            super("killed at step " + step);
        }
    }

    /** Checkpoints in memory; a save is due after every iteration. */
    private static final class MemoryCheckpoints implements TrialCheckpoints {
        private final List<byte[]> states = new ArrayList<>();
        private int saves;

        @Override
        public Optional<byte[]> latest() {
            return states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1).clone());
        }

        @Override
        public boolean due() {
            return true;
        }

        @Override
        public void save(byte[] state) {
            states.add(state.clone());
            saves++;
        }
    }

    private record Context(TrialCheckpoints checkpoints, long killAtStep) implements TrialContext {
        @Override
        public String trialId() {
            return "checkpoint-test";
        }

        @Override
        public long seed() {
            return 42;
        }

        @Override
        public int replicate() {
            return 0;
        }

        @Override
        public Path dataDir() {
            return Path.of("../shared/data");
        }

        @Override
        public void progress(long step, long totalSteps) {
            if (step == killAtStep) {
                throw new Killed(step);
            }
        }
    }
}
