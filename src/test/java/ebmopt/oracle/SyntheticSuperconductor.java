package ebmopt.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic unique_m.csv of the UCI shape (86 element columns H..Rn, critical_temp,
 * material): each row has 2-6 elements with fractions in (0, 4], and critical_temp is a known
 * nonlinear function of Cu, O, Ba and Y (a step, a sine and an interaction) plus small noise.
 */
final class SyntheticSuperconductor {
    static final List<String> ELEMENTS = List.of(("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr"
            + " Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce"
            + " Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn").split(" "));
    static final int CU = ELEMENTS.indexOf("Cu");
    static final int O = ELEMENTS.indexOf("O");
    static final int BA = ELEMENTS.indexOf("Ba");
    static final int Y = ELEMENTS.indexOf("Y");

    private SyntheticSuperconductor() {
    }

    /** The known function (without noise). */
    static double tc(double[] x) {
        return 20 * Math.sin(1.5 * x[CU]) + (x[O] > 2 ? 40 : 0) + 15 * x[BA] * x[Y] + 30;
    }

    /** Writes {@code rows} rows to {@code dataDir/superconductor/unique_m.csv}, drawn with {@code seed}. */
    static Path write(Path dataDir, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", ELEMENTS) + ",critical_temp,material");
        for (int r = 0; r < rows; r++) {
            double[] x = new double[ELEMENTS.size()];
            for (int e : new int[] {CU, O, BA, Y}) {
                if (random.nextDouble() < 0.8) {
                    x[e] = Math.round(random.nextDouble(0.05, 4) * 100) / 100.0;
                }
            }
            int others = random.nextInt(0, 3);
            for (int k = 0; k < others; k++) {
                x[random.nextInt(ELEMENTS.size())] = Math.round(random.nextDouble(0.05, 4) * 100) / 100.0;
            }
            double y = tc(x) + random.nextDouble(-1, 1);
            StringBuilder line = new StringBuilder();
            for (double v : x) {
                line.append(v == 0 ? "0" : Double.toString(v)).append(',');
            }
            lines.add(line.append(String.format("%.3f", y)).append(",X").append(r).toString());
        }
        try {
            Path file = dataDir.resolve("superconductor/unique_m.csv");
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
