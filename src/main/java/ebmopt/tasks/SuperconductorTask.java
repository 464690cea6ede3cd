package ebmopt.tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Superconductor from a user-supplied UCI {@code unique_m.csv} (not shipped; read from
 * {@code data.dir/superconductor/unique_m.csv}): the 86 element columns H..Rn as features,
 * {@code critical_temp} as y; other columns (material) are ignored. Visible: the rows with y at
 * or below the 80th percentile of the file's rows. Scores are normalised with Design-Bench's
 * constants (y_min 0.00021, y_max 185.0; docs/data.md).
 *
 * <p>The oracle is not exact: like Design-Bench's, it is a random forest of 100 trees
 * re-trained on the data ({@link SuperconductorOracleData}), trained on the driver with Spark
 * MLlib and cached as {@code superconductor/oracle/random-forest-<csv sha256>.bin} beside the
 * CSV. Without that cache {@link #hasOracle()} is false and {@link #score(double[])} fails,
 * saying how to train it; a corrupt cache fails the load, naming the file.
 */
final class SuperconductorTask implements Task {
    static final String NAME = "superconductor";
    static final String FILE = "superconductor/unique_m.csv";
    static final String TARGET = "critical_temp";
    static final double VISIBLE_PERCENTILE = 80;
    /** The 86 element columns of unique_m.csv, in the file's (and the feature vector's) order. */
    static final List<String> ELEMENTS = List.of(("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr"
            + " Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce"
            + " Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn").split(" "));
    private static final MinMax SCORE_RANGE = new MinMax(0.00021, 185.0);

    /** What {@link #oracleKind()} says: reports label this task's scores with it. */
    static final String ORACLE_KIND = "re-trained random forest";
    private static final Map<String, Dataset> VISIBLE = new ConcurrentHashMap<>();
    private static final Map<String, ForestOracle> ORACLES = new ConcurrentHashMap<>();

    private final Dataset visible;
    private final ForestOracle oracle;
    private final Path oracleFile;
    private final Map<String, String> checksums;

    private SuperconductorTask(Dataset visible, ForestOracle oracle, Path oracleFile, Map<String, String> checksums) {
        this.visible = visible;
        this.oracle = oracle;
        this.oracleFile = oracleFile;
        this.checksums = checksums;
    }

    /**
     * Reads the CSV under {@code data} (once per JVM for a given checksum); its checksum is
     * recorded (no list covers it), and so is the oracle cache's when there is one.
     */
    static SuperconductorTask load(DataFiles data) {
        Path file = SuperconductorOracleData.csv(data.dir());
        String sha = DataFiles.unverified(file).sha256();
        Dataset visible = VISIBLE.computeIfAbsent(sha, k -> read(file));
        Path cache = SuperconductorOracleData.cache(data.dir(), sha);
        Map<String, String> sums = new TreeMap<>();
        sums.put(FILE, sha);
        ForestOracle oracle = null;
        if (Files.isRegularFile(cache)) {
            String cacheSha = DataFiles.sha256(cache);
            oracle = ORACLES.computeIfAbsent(cacheSha, k -> ForestOracle.load(cache, sha));
            sums.put(data.dir().relativize(cache).toString(), cacheSha);
        }
        return new SuperconductorTask(visible, oracle, cache, Map.copyOf(sums));
    }

    /** The visible rows of a unique_m.csv. */
    static Dataset read(Path file) {
        return visibleRows(readRows(file), ELEMENTS.size());
    }

    /** Every row of a unique_m.csv: the 86 element columns in {@link #ELEMENTS} order, then critical_temp. */
    static List<double[]> readRows(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null) {
                throw new TaskDataException(file + " is empty");
            }
            Map<String, Integer> columns = new HashMap<>();
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].trim().replace("\"", ""), i);
            }
            List<String> missing = new ArrayList<>();
            for (String c : ELEMENTS) {
                if (!columns.containsKey(c)) {
                    missing.add(c);
                }
            }
            if (!columns.containsKey(TARGET)) {
                missing.add(TARGET);
            }
            if (!missing.isEmpty()) {
                throw new TaskDataException(file + " lacks the column(s) " + missing + " (a UCI unique_m.csv has"
                        + " the 86 element columns H..Rn, critical_temp and material)");
            }
            int[] at = ELEMENTS.stream().mapToInt(columns::get).toArray();
            int target = columns.get(TARGET);
            int line = 1;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                String[] cells = s.split(",", -1);
                if (cells.length != names.length) {
                    throw new TaskDataException(file + ":" + line + ": " + cells.length + " cells, header has "
                            + names.length);
                }
                double[] row = new double[at.length + 1];
                try {
                    for (int j = 0; j < at.length; j++) {
                        row[j] = Double.parseDouble(cells[at[j]]);
                    }
                    row[at.length] = Double.parseDouble(cells[target]);
                } catch (NumberFormatException e) {
                    throw new TaskDataException(file + ":" + line + ": not a number: " + e.getMessage(), e);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new TaskDataException("Cannot read " + file + ": " + e, e);
        }
        if (rows.isEmpty()) {
            throw new TaskDataException(file + " has no rows");
        }
        return rows;
    }

    private static Dataset visibleRows(List<double[]> rows, int d) {
        double[] all = rows.stream().mapToDouble(r -> r[d]).toArray();
        double threshold = Percentile.of(all, VISIBLE_PERCENTILE);
        double[][] kept = rows.stream().filter(r -> r[d] <= threshold).toArray(double[][]::new);
        double[] x = new double[kept.length * d];
        double[] y = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            System.arraycopy(kept[i], 0, x, i * d, d);
            y[i] = kept[i][d];
        }
        return new Dataset(kept.length, d, null, x, y);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Encoding encoding() {
        return new Encoding.Continuous(ELEMENTS.size());
    }

    @Override
    public Dataset visible() {
        return visible;
    }

    /** The re-trained forest's prediction of critical_temp (raw, not normalised). */
    @Override
    public double score(double[] features) {
        if (oracle == null) {
            throw new UnsupportedOperationException("superconductor has no trained oracle yet: " + oracleFile
                    + " is missing. Train it on the driver with submit/ebm-opt oracle superconductor (a sweep whose"
                    + " trials use this task trains it before they start)");
        }
        return oracle.forest().predict(features);
    }

    @Override
    public boolean hasOracle() {
        return oracle != null;
    }

    @Override
    public String oracleKind() {
        return ORACLE_KIND;
    }

    @Override
    public MinMax scoreNormalisation() {
        return SCORE_RANGE;
    }

    @Override
    public Map<String, String> dataChecksums() {
        return checksums;
    }
}
