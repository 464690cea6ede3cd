package ebmopt.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The one way the report writes a setting's value (M, K, Q, a step) in row labels, sentences
 * and axis ticks: as the papers print them, 1, 1.5, 100, 20000 in plain digits and from a
 * million on as 1e6, 2.5e9; below 0.001 as 1e-4; mantissas and values below 1000 to at most
 * three significant digits, larger values to whole numbers.
 */
public final class NumberText {
    private NumberText() {
    }

    public static String of(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-3) {
            int exponent = (int) Math.floor(Math.log10(magnitude));
            double mantissa = value / Math.pow(10, exponent);
            String m = BigDecimal.valueOf(mantissa).round(new MathContext(3)).stripTrailingZeros().toPlainString();
            if (m.equals("10") || m.equals("-10")) { // 9.999e5 rounds up a decade
                m = m.startsWith("-") ? "-1" : "1";
                exponent++;
            }
            return m + "e" + exponent;
        }
        BigDecimal plain = BigDecimal.valueOf(value);
        if (magnitude < 1000 && value != Math.rint(value)) {
            plain = plain.round(new MathContext(3));
        } else {
            plain = plain.setScale(0, java.math.RoundingMode.HALF_UP);
        }
        return plain.stripTrailingZeros().toPlainString();
    }
}
