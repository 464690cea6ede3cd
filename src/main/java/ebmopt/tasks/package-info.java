/**
 * The offline optimisation tasks (Design-Bench data): verified data files, NumPy readers,
 * the visible/hidden splits, exact oracles, normalisation constants and the encodings of
 * discrete designs, and fetching the Design-Bench files into a data directory
 * ({@link ebmopt.tasks.DataFetch}). Knows nothing of models or of Spark; a trial loads its task
 * with {@link ebmopt.tasks.TaskRegistry#load} from the configured {@code data.dir}.
 */
package ebmopt.tasks;
