package ebmopt.models.lebm;

import ebmopt.experiment.Resampling;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The LEBM's {@link Resampling}: {@link LebmResampler}'s variants and results as the rows
 * {@code submit/resample} prints: the oracle's normalised score percentiles and its raw best and
 * median, the model's own predictions and their rank correlation with the oracle's scores, the two
 * terms of l(z), the learned log-ratio, the distinct designs and the sampling time.
 */
final class LebmResampling implements Resampling<LebmParams> {
    private static final List<Column> COLUMNS = List.of(new Column("score_p100", 3), new Column("score_p75", 3),
            new Column("score_p50", 3), new Column("score_p25", 3), new Column("raw_best", 3),
            new Column("raw_median", 3), new Column("predicted_p100", 3), new Column("predicted_p50", 3),
            new Column("predicted_rank_corr", 3), new Column("fit_term", 2), new Column("prior_term", 2),
            new Column("log_ratio", 2), new Column("distinct_designs", 0), new Column("sample_seconds", 1));

    @Override
    public List<String> variants(LebmParams trained, Map<String, List<String>> vary) {
        return LebmResampler.variants(trained, vary).stream().map(LebmResampler.Variant::label).toList();
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Result> resample(LebmParams trained, long seed, byte[] state, Path dataDir,
                                 Map<String, List<String>> vary, Consumer<Result> onEach) {
        return LebmResampler.resample(trained, seed, state, dataDir, LebmResampler.variants(trained, vary),
                r -> onEach.accept(row(r))).stream().map(LebmResampling::row).toList();
    }

    @Override
    public String legend() {
        return "fit term: mean -lambda1 |y_max - g_y(z)|^2 at the particles; prior term: mean lambda2 (sum_k f_k(z) "
                + "- |z|^2/2); log ratio: mean sum_k f_k(z) (the learned log p_a(z)/q0(z), whatever the lambdas); "
                + "scores normalised as in the trials table; raw best and median in the task's own units (Branin's f); "
                + "predicted rank corr: Spearman's rank correlation of g_y(z) with the oracle's scores";
    }

    private static Result row(LebmResampler.Result r) {
        return new Result(r.variant().label(), r.trainedIterations(), new double[] {r.p100(), r.p75(), r.p50(),
                r.p25(), r.rawBest(), r.rawMedian(), r.predictedP100(), r.predictedP50(), r.predictedRankCorr(),
                r.fitTerm(), r.priorTerm(), r.logRatio(), r.distinctDesigns(), r.seconds()});
    }
}
