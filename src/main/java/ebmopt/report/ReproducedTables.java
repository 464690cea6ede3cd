package ebmopt.report;

import java.util.List;

/**
 * The registry of reproduced tables, in report order. Adding a table: one class implementing
 * {@link ReproducedTable} (or one declaration here) and one line in {@link #all()}.
 */
public final class ReproducedTables {
    private ReproducedTables() {
    }

    public static List<ReproducedTable> all() {
        return List.of(
                GaussianReproduction.table14(),
                GaussianReproduction.table13(),
                GaussianReproduction.figure1(),
                new DesignBenchTable("table7", "Table 7: design-bench, 100th percentile, Q = 256", "table7",
                        m -> true, DesignBenchTable.Figure.TASK_BARS),
                new DesignBenchTable("table8", "Table 8: sampler (LD, SVGD) and objective (MLE, NCE, N2CE), Q = 256",
                        "table8", m -> true, DesignBenchTable.Figure.NONE),
                new DesignBenchTable("table22", "Table 22: design-bench, 50th percentile, Q = 256", "table22",
                        m -> true, DesignBenchTable.Figure.NONE),
                new DesignBenchTable("table23", "Table 23: design-bench, 100th percentile, Q = 128", "table23",
                        m -> true, DesignBenchTable.Figure.NONE),
                new DesignBenchTable("table25", "Table 25: design-bench, 50th percentile, Q = 128", "table25",
                        m -> true, DesignBenchTable.Figure.NONE),
                new DesignBenchTable("ablation-m", "M ablation (Table 26): noise magnitude M at K = 6, Superconductor",
                        "table26", DesignBenchTable.withStages(6), DesignBenchTable.Figure.SCORE_VS_M),
                new DesignBenchTable("ablation-k", "K ablation (Table 26): stages K at M = 100, Superconductor",
                        "table26", DesignBenchTable.withNoiseMagnitude(100), DesignBenchTable.Figure.SCORE_VS_K),
                new DesignBenchTable("ablation-q", "Q ablation (Table 27): query budget Q, D'Kitty", "table27",
                        m -> true, DesignBenchTable.Figure.SCORE_VS_Q),
                new LebmAblationStudy(LebmAblation.MK, "tf-bind-8"),
                new LebmAblationStudy(LebmAblation.MK, "tf-bind-10"),
                new LebmAblationStudy(LebmAblation.Q, "tf-bind-8"),
                new LebmAblationStudy(LebmAblation.Q, "tf-bind-10"),
                new ComsSpiralStudy(),
                new BraninStudy());
    }
}
