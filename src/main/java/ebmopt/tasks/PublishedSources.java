package ebmopt.tasks;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Where each fetchable file of a data directory comes from: the files Design-Bench publishes
 * (paths relative to {@code data.source-url}, in its storage layout, which the Hugging Face
 * dataset {@code beckhamc/design_bench_data} keeps), concatenated in order and converted.
 * TF-Bind-10 is published as 84 shards of token rows and scores; the data directory holds it
 * as one file of 10-mer indices and one of scores.
 */
final class PublishedSources {
    /** TF-Bind-10 (PHO4) is published in this many shards, 0 to 83. */
    static final int TF_BIND_10_SHARDS = 84;

    /**
     * One data file.
     *
     * @param task       the task that reads it
     * @param file       its path in the data directory
     * @param parts      the published files it is made of, in order, relative to the source URL
     * @param conversion how
     */
    record Source(String task, String file, List<String> parts, PublishedConversion conversion) {
    }

    static final List<Source> ALL = List.of(
            new Source(TfBind8Task.NAME, TfBind8Task.X_FILE, List.of("tf_bind_8-SIX6_REF_R1/tf_bind_8-x-0.npy"),
                    PublishedConversion.TOKEN_ROWS),
            new Source(TfBind8Task.NAME, TfBind8Task.Y_FILE, List.of("tf_bind_8-SIX6_REF_R1/tf_bind_8-y-0.npy"),
                    PublishedConversion.SCORE_COLUMN),
            new Source(TfBind10Task.NAME, TfBind10Task.INDEX_FILE, shards("tf_bind_10-pho4/tf_bind_10-x-"),
                    PublishedConversion.KMER_INDEX),
            new Source(TfBind10Task.NAME, TfBind10Task.Y_FILE, shards("tf_bind_10-pho4/tf_bind_10-y-"),
                    PublishedConversion.SCORES));

    private PublishedSources() {
    }

    /** The tasks whose files can be fetched, in order. */
    static List<String> tasks() {
        return ALL.stream().map(Source::task).distinct().toList();
    }

    /** The source of data file {@code file} (relative to the data directory), if it can be fetched. */
    static Optional<Source> of(String file) {
        return ALL.stream().filter(s -> s.file().equals(file)).findFirst();
    }

    private static List<String> shards(String prefix) {
        return IntStream.range(0, TF_BIND_10_SHARDS).mapToObj(i -> prefix + i + ".npy").toList();
    }
}
