package ebmopt.tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Superconductor from a user-supplied UCI {@code unique_m.csv} (not shipped; read from
 * {@code data.dir/superconductor/unique_m.csv}): the 86 element columns H..Rn as features,
 * {@code critical_temp} as y; other columns (material) are ignored. Visible: the rows with y at
 * or below the 80th percentile of the file's rows. Scores are normalised with Design-Bench's
 * constants (y_min 0.00021, y_max 185.0; data README).
 *
 * <p>No oracle yet: Design-Bench's is a random forest (100 trees) re-trained on the full
 * dataset; {@link #hasOracle()} is false and {@link #score(double[])} fails.
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

    private final Dataset visible;
    private final Map<String, String> checksums;

    private SuperconductorTask(Dataset visible, Map<String, String> checksums) {
        this.visible = visible;
        this.checksums = checksums;
    }

    /** Reads the CSV under {@code data}; its checksum is recorded (no list covers it). */
    static SuperconductorTask load(DataFiles data) {
        Path file = data.dir().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException("Missing data file " + file + ": the Superconductor task needs the UCI"
                    + " superconductivity data's unique_m.csv there (it is not shipped; see the data README)");
        }
        DataFiles.VerifiedFile f = DataFiles.unverified(file);
        return new SuperconductorTask(read(file), Map.of(FILE, f.sha256()));
    }

    /** The visible rows of a unique_m.csv. */
    static Dataset read(Path file) {
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
        return visibleRows(rows, ELEMENTS.size());
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

    @Override
    public boolean hasOracle() {
        return false;
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
