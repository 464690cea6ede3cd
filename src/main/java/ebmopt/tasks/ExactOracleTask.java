package ebmopt.tasks;

import java.util.Map;

/**
 * A task whose oracle is exact (a closed form, or a lookup of every design) and whose visible
 * rows are in memory: its name, encoding, rows, score range and data checksums, held as given.
 * Subclasses supply the oracle, {@link #score(int[])} or {@link #score(double[])}.
 */
abstract class ExactOracleTask implements Task {
    private final String name;
    private final Encoding encoding;
    private final Dataset visible;
    private final MinMax scoreRange;
    private final Map<String, String> checksums;

    /**
     * @param scoreRange what reported scores are normalised with
     * @param checksums  the SHA-256 of each file the task was read from (none if generated)
     */
    ExactOracleTask(String name, Encoding encoding, Dataset visible, MinMax scoreRange,
                    Map<String, String> checksums) {
        this.name = name;
        this.encoding = encoding;
        this.visible = visible;
        this.scoreRange = scoreRange;
        this.checksums = checksums;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }

    @Override
    public Dataset visible() {
        return visible;
    }

    @Override
    public boolean hasOracle() {
        return true;
    }

    @Override
    public MinMax scoreNormalisation() {
        return scoreRange;
    }

    @Override
    public Map<String, String> dataChecksums() {
        return checksums;
    }
}
