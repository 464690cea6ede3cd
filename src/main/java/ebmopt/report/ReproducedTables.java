package ebmopt.report;

import java.util.List;

/**
 * The registry of reproduced tables, in report order. Adding a table: one class implementing
 * {@link ReproducedTable} (or one declaration here) and one line in {@link #all()}.
 */
public final class ReproducedTables {
    private static final String LEBM_Q256 = "jobs/lebm-table7.conf";
    private static final String LEBM_Q128 = "jobs/lebm-table23.conf";
    private static final String COMS = "jobs/coms-tfbind.conf";

    private ReproducedTables() {
    }

    public static List<ReproducedTable> all() {
        return List.of(
                GaussianReproduction.table14(),
                GaussianReproduction.table13(),
                GaussianReproduction.figure1(),
                new DesignBenchTable("table7", "Table 7: design-bench, 100th percentile, Q = 256", "table7",
                        m -> true, DesignBenchTable.Figure.TASK_BARS, List.of(LEBM_Q256, COMS)),
                new DesignBenchTable("table8", "Table 8: sampler (LD, SVGD) and objective (MLE, NCE, N2CE), Q = 256",
                        "table8", m -> true, DesignBenchTable.Figure.METHOD_BARS,
                        List.of("jobs/lebm-table8.conf", LEBM_Q256)),
                new DesignBenchTable("table22", "Table 22: design-bench, 50th percentile, Q = 256", "table22",
                        m -> true, DesignBenchTable.Figure.NONE, List.of(LEBM_Q256, COMS)),
                new DesignBenchTable("table23", "Table 23: design-bench, 100th percentile, Q = 128", "table23",
                        m -> true, DesignBenchTable.Figure.NONE, List.of(LEBM_Q128, COMS)),
                new DesignBenchTable("table25", "Table 25: design-bench, 50th percentile, Q = 128", "table25",
                        m -> true, DesignBenchTable.Figure.NONE, List.of(LEBM_Q128, COMS)),
                // The paper's ablations run on Superconductor and D'Kitty, which no job of ours runs:
                // ours are the TF-Bind ablations below.
                new DesignBenchTable("ablation-m", "M ablation (Table 26): noise magnitude M at K = 6, Superconductor",
                        "table26", DesignBenchTable.withStages(6), DesignBenchTable.Figure.SCORE_VS_M, List.of()),
                new DesignBenchTable("ablation-k", "K ablation (Table 26): stages K at M = 100, Superconductor",
                        "table26", DesignBenchTable.withNoiseMagnitude(100), DesignBenchTable.Figure.SCORE_VS_K,
                        List.of()),
                new DesignBenchTable("ablation-q", "Q ablation (Table 27): query budget Q, D'Kitty", "table27",
                        m -> true, DesignBenchTable.Figure.SCORE_VS_Q, List.of()),
                new LebmAblationStudy(LebmAblation.MK, "tf-bind-8"),
                new LebmAblationStudy(LebmAblation.MK, "tf-bind-10"),
                new LebmAblationStudy(LebmAblation.Q, "tf-bind-8"),
                new LebmAblationStudy(LebmAblation.Q, "tf-bind-10"),
                new ComsSpiralStudy(),
                new BraninStudy());
    }
}
