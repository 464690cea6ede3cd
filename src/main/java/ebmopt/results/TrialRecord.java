package ebmopt.results;

import java.util.Map;

/**
 * One row of the {@code trials} table: the trial, its outcome and its provenance.
 *
 * @param trialId       the identity
 * @param sweep         the sweep (job) name
 * @param scale         the job scale, or null for the paper's settings
 * @param experiment    the experiment's name
 * @param replicate     the replicate index
 * @param seed          the seed it ran with
 * @param status        how it ended
 * @param error         the error (type, message and top of the stack) if it failed or diverged
 * @param params        the bound parameter record (written as typed columns under {@code params})
 * @param metrics       scalar metrics
 * @param config        the canonical JSON of the resolved parameters
 * @param codeVersion   the code version (git commit, "-dirty" if uncommitted changes)
 * @param backend       what computed it
 * @param host          the executor's host name
 * @param resources     the resources Spark assigned to the trial's task, name -> comma-separated
 *                      addresses (e.g. gpu -> "1"); empty without resource scheduling
 * @param dataChecksums SHA-256 of every data file read
 * @param startedAtMs   when it started (epoch milliseconds)
 * @param wallMs        how long it ran
 * @param attempt       the Spark task attempt that committed it
 */
public record TrialRecord(String trialId, String sweep, String scale, String experiment, int replicate, long seed,
                          TrialStatus status, String error, Record params, Map<String, Double> metrics,
                          String config, String codeVersion, String backend, String host, Map<String, String> resources,
                          Map<String, String> dataChecksums, long startedAtMs, long wallMs, int attempt) {
}
