package ebmopt.tasks;

import java.util.Map;

/**
 * A task over every DNA k-mer whose oracle is an exact lookup of the k-mer's score (TF-Bind-8
 * and TF-Bind-10): what the two share once their files are read.
 */
abstract class KmerLookupTask implements Task {
    private final String name;
    private final int length;
    private final int vocabulary;
    private final float[] oracle;
    private final Dataset visible;
    private final MinMax scoreRange;
    private final Map<String, String> checksums;

    /**
     * @param oracle     the score of each k-mer, by its base-{@code vocabulary} index
     * @param scoreRange y_min and y_max of the full dataset
     */
    KmerLookupTask(String name, int length, int vocabulary, float[] oracle, Dataset visible, MinMax scoreRange,
                   Map<String, String> checksums) {
        this.name = name;
        this.length = length;
        this.vocabulary = vocabulary;
        this.oracle = oracle;
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
        return new Encoding.Discrete(length, vocabulary);
    }

    @Override
    public Dataset visible() {
        return visible;
    }

    @Override
    public double score(int[] tokens) {
        if (tokens.length != length) {
            throw new IllegalArgumentException("a " + name + " design has " + length + " tokens, not "
                    + tokens.length);
        }
        return oracle[KmerIndex.of(tokens, 0, length, vocabulary, null)];
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
