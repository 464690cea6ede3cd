package ebmopt.report;

import java.util.List;

/**
 * One of our N2CE-LEBM ablations on TF-Bind (experiment {@code lebm}, objective n2ce): the
 * parameters it varies (its axes), the ones it holds fixed that its settings line names, the
 * job that runs it, and how its table is laid out. The paper runs these ablations on
 * Superconductor and D'Kitty only (Tables 26 and 27), so ours have no paper figure.
 *
 * @param id             the stem of the studies' ids and plot files, e.g. "lebm-ablation-mk"
 * @param name           the ablation in words, e.g. "M x K ablation"
 * @param job            the job file that runs it
 * @param design         the job's grid in words (as written, at the paper's settings)
 * @param paperCounterpart the paper's table of the same ablation on other tasks
 * @param axes           the varied parameters
 * @param fixed          parameters held fixed that the settings line names (besides sampler and iterations)
 * @param axesAsColumns  true: one column per setting, one row per score (the Q table); false: one row
 *                       per setting, one column per score (the M x K table)
 */
record LebmAblation(String id, String name, String job, String design, String paperCounterpart, List<Axis> axes,
                    List<Axis> fixed, boolean axesAsColumns) {

    /** The scores shown per setting: the normalised best and median of the Q proposals. */
    static final List<String> SCORES = List.of("score_p100", "score_p50");

    static final Axis NOISE_MAGNITUDE = new Axis("noise_magnitude", "M", "noise magnitude M",
            Charts.Scale.LOG10, 100);
    static final Axis STAGES = new Axis("stages", "K", "ratio-estimation stages K",
            Charts.Scale.LINEAR, 6);
    static final Axis QUERY_BUDGET = new Axis("candidates", "Q", "query budget Q", Charts.Scale.LOG2,
            256);

    static final LebmAblation MK = new LebmAblation("lebm-ablation-mk", "M x K ablation", "jobs/lebm-ablation-mk.conf",
            "M in {1, 10, 100, 1000} at K = 6 and K in {1, 2, 4, 6, 8} at M = 100, SVGD, Q = 256, 5 seeds",
            "Table 26 on Superconductor: the ablation-m and ablation-k tables above", List.of(NOISE_MAGNITUDE, STAGES),
            List.of(QUERY_BUDGET), false);
    static final LebmAblation Q = new LebmAblation("lebm-ablation-q", "Q ablation", "jobs/lebm-ablation-q.conf",
            "Q in {2, 8, 32, 128, 256} at M = 100, K = 6, SVGD, 5 seeds",
            "Table 27 on D'Kitty: the ablation-q table above", List.of(QUERY_BUDGET), List.of(NOISE_MAGNITUDE, STAGES),
            true);

    LebmAblation {
        axes = List.copyOf(axes);
        fixed = List.copyOf(fixed);
    }

    /** The params columns a configuration is told apart by: all but the axes and the task. */
    List<String> varied() {
        List<String> out = new java.util.ArrayList<>(axes.stream().map(Axis::param).toList());
        out.add("task");
        return out;
    }

    /**
     * A varied (or fixed) parameter.
     *
     * @param param     its column under {@code params}, e.g. "noise_magnitude"
     * @param symbol    the paper's symbol, e.g. "M"
     * @param words     the axis title, e.g. "noise magnitude M"
     * @param scale     the scale of its curve's axis
     * @param reference the value the paper holds it at while others vary (ties between slices go to it)
     */
    record Axis(String param, String symbol, String words, Charts.Scale scale, double reference) {

        /** "M = 100". */
        String label(double value) {
            return symbol + " = " + NumberText.of(value);
        }
    }
}
