package ebmopt.testing;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialDivergedException;
import ebmopt.experiment.TrialOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test-only experiment that echoes its parameters, fails (a bug or an I/O error) or diverges on request and
 * takes as long as asked: the runner's behaviour without any model's cost.
 */
public final class EchoExperiment implements Experiment<EchoParams> {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public Class<EchoParams> paramsType() {
        return EchoParams.class;
    }

    @Override
    public String defaultsResource() {
        return "ebmopt/testing/echo-defaults.conf";
    }

    @Override
    public double costEstimate(EchoParams p) {
        return 1 + p.sleepMs();
    }

    @Override
    public boolean runsOnDriver(EchoParams p) {
        return p.onDriver();
    }

    @Override
    public TrialOutcome run(EchoParams p, TrialContext context) throws InterruptedException {
        // A driver trial has the driver's Spark context (and can run a job with it); a task has none.
        if (p.onDriver() != context.sparkContext().isPresent()) {
            throw new IllegalStateException("on-driver = " + p.onDriver() + " but a Spark context is "
                    + (context.sparkContext().isPresent() ? "present" : "absent"));
        }
        if (context.replicate() == p.failOnReplicate()
                && (p.failWhileExists().isEmpty() || Files.exists(Path.of(p.failWhileExists())))) {
            if (p.failWithIoError()) {
                throw new UncheckedIOException(new IOException("injected I/O failure on replicate "
                        + context.replicate()));
            }
            throw new IllegalStateException("injected failure on replicate " + context.replicate());
        }
        Thread.sleep(p.sleepMs());
        TrialOutcome outcome = new TrialOutcome()
                .metric("value", context.replicate() == p.divergeOnReplicate() ? Double.NaN : p.value())
                .metric("replicate", context.replicate())
                .metric("seed_mod_1000", context.seed() % 1000);
        context.sparkContext().ifPresent(spark -> outcome.metric("spark_job_sum",
                spark.parallelize(List.of(1, 2, 3, 4), 2).map(v -> 2 * v).reduce(Integer::sum)));
        for (int s = 0; s < p.steps(); s++) {
            outcome.curve("value_times_step", s, p.value() * s);
            context.progress(s + 1, p.steps());
        }
        for (int i = 0; i < p.candidates(); i++) {
            outcome.candidate(context.replicate() + "," + i, p.value() * (i + 1), (double) i / p.candidates());
        }
        if (context.replicate() == p.throwDivergedOnReplicate()) {
            throw new TrialDivergedException("injected divergence on replicate " + context.replicate(), outcome);
        }
        return outcome;
    }
}
