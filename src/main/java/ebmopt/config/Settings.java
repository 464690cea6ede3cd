package ebmopt.config;

import com.typesafe.config.Config;

/**
 * The validated, typed settings of one invocation, except the experiment's parameters and
 * the sweep, which the sweep package binds against the experiment.
 *
 * @param job           the {@code job} block
 * @param spark         the {@code spark} block
 * @param run           the {@code run} block
 * @param dataDir       {@code data.dir}: where task datasets live
 * @param dataSourceUrl {@code data.source-url}: where {@code fetch-data} downloads them from
 * @param outputRoot    {@code output.root}: where sweeps write their result tables
 * @param referenceDir  {@code reference.dir}: a folder whose papers' tables (CSV) replace the
 *                      bundled ones; empty: the bundled tables
 * @param publishedDir  {@code reference.published}: the project's published results; empty: none
 */
public record Settings(JobSettings job, SparkSettings spark, RunSettings run, String dataDir, String dataSourceUrl,
                       String outputRoot, String referenceDir, String publishedDir) {

    /** Binds every block, failing on the first unknown, missing or bad key. */
    public static Settings from(Config config) {
        DataSettings data = RecordBinder.bind(Sections.object(config, "data"), "data", DataSettings.class);
        ReferenceSettings reference = RecordBinder.bind(Sections.object(config, "reference"), "reference",
                ReferenceSettings.class);
        return new Settings(
                RecordBinder.bind(Sections.object(config, "job"), "job", JobSettings.class),
                RecordBinder.bind(Sections.object(config, "spark"), "spark", SparkSettings.class),
                RecordBinder.bind(Sections.object(config, "run"), "run", RunSettings.class),
                data.dir(),
                data.sourceUrl(),
                RecordBinder.bind(Sections.object(config, "output"), "output", RootSettings.class).root(),
                reference.dir(),
                reference.published());
    }

    /** Settings without a job, for commands that only read results (sql, tables). */
    public static Settings withoutJob(Config config) {
        Config withJob = config.hasPath("job.name") ? config
                : config.withFallback(com.typesafe.config.ConfigFactory.parseString(
                        "job { name = none, experiment = none, description = \"\" }"));
        return from(withJob);
    }

    /** The data block. */
    record DataSettings(String dir, String sourceUrl) {
    }

    /** The reference block: the papers' tables and the published results. */
    record ReferenceSettings(String dir, String published) {
    }

    /** The output block. */
    record RootSettings(String root) {
    }
}
