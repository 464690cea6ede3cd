package ebmopt.tasks;

import java.nio.file.Path;
import java.util.List;

/** Looks a task up by the name job files use and loads it from the data directory. */
public final class TaskRegistry {
    /** The registered names. */
    public static final List<String> NAMES = List.of(TfBind8Task.NAME, TfBind10Task.NAME, SuperconductorTask.NAME,
            BraninTask.NAME, BraninTask.NAME_SMALL, SpiralTask.NAME);

    /** Points of the spiral toy task's dataset (our choice; the paper does not say). */
    public static final int SPIRAL_POINTS = 5000;

    private TaskRegistry() {
    }

    /**
     * Loads task {@code name} from {@code dataDir} (the configuration's {@code data.dir}); a
     * seed-dependent split (TF-Bind-10's subsample, Branin's and the spiral's points) is drawn with {@code seed}. Data files are
     * verified against their expected checksums ({@link DataFiles}) and read once per JVM.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws TaskDataException        for missing, corrupt or malformed data, naming the file
     */
    public static Task load(String name, Path dataDir, long seed) {
        DataFiles data = new DataFiles(dataDir);
        return switch (name) {
            case TfBind8Task.NAME -> TfBind8Task.load(data);
            case TfBind10Task.NAME -> TfBind10Task.load(data, seed);
            case SuperconductorTask.NAME -> SuperconductorTask.load(data);
            case BraninTask.NAME -> BraninTask.generate(name, 5000, seed);
            case BraninTask.NAME_SMALL -> BraninTask.generate(name, 50, seed);
            case SpiralTask.NAME -> SpiralTask.generate(SPIRAL_POINTS, seed);
            default -> throw unknown(name);
        };
    }

    /**
     * Checks, without loading it, that task {@code name} exists and that its data files are in
     * {@code dataDir}: the TF-Bind files present and matching their expected checksums (their
     * checksums are computed once per JVM, so a trial in the same JVM does not hash them
     * again), Superconductor's user-supplied CSV present. Generated tasks need nothing.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     * @throws TaskDataException        for a missing or corrupt file, naming it and the checksum expected
     */
    public static void checkData(String name, Path dataDir) {
        DataFiles data = new DataFiles(dataDir);
        switch (name) {
            case TfBind8Task.NAME -> List.of(TfBind8Task.X_FILE, TfBind8Task.Y_FILE).forEach(data::verified);
            case TfBind10Task.NAME -> List.of(TfBind10Task.INDEX_FILE, TfBind10Task.Y_FILE).forEach(data::verified);
            case SuperconductorTask.NAME -> SuperconductorOracleData.csv(dataDir);
            case BraninTask.NAME, BraninTask.NAME_SMALL, SpiralTask.NAME -> {
                // generated from the seed: no files
            }
            default -> throw unknown(name);
        }
    }

    /** Whether task {@code name}'s designs are token sequences (TF-Bind) rather than real vectors. */
    public static boolean hasTokenDesigns(String name) {
        return name.equals(TfBind8Task.NAME) || name.equals(TfBind10Task.NAME);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown task '" + name + "'; known: " + NAMES);
    }
}
