package ebmopt.tasks;

import java.util.Map;

/**
 * A task over every DNA k-mer whose oracle is an exact lookup of the k-mer's score (TF-Bind-8
 * and TF-Bind-10): what the two share once their files are read ({@link KmerTables} reads them).
 */
abstract class KmerLookupTask extends ExactOracleTask {
    private final int length;
    private final int vocabulary;
    private final float[] oracle;

    /**
     * @param oracle     the score of each k-mer, by its base-{@code vocabulary} index
     * @param scoreRange y_min and y_max of the full dataset
     */
    KmerLookupTask(String name, int length, int vocabulary, float[] oracle, Dataset visible, MinMax scoreRange,
                   Map<String, String> checksums) {
        super(name, new Encoding.Discrete(length, vocabulary), visible, scoreRange, checksums);
        this.length = length;
        this.vocabulary = vocabulary;
        this.oracle = oracle;
    }

    @Override
    public double score(int[] tokens) {
        if (tokens.length != length) {
            throw new IllegalArgumentException("a " + name() + " design has " + length + " tokens, not "
                    + tokens.length);
        }
        return oracle[KmerIndex.of(tokens, 0, length, vocabulary, null)];
    }
}
