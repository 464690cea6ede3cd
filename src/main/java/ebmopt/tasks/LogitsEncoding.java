package ebmopt.tasks;

/**
 * Design-Bench's continuous relaxation of token sequences ("logits"): per position,
 * p = 0.6 one_hot + 0.4 / K, log p, minus the column of token 0, keeping the K - 1 other
 * columns (L x (K - 1) values). Decoding takes the argmax over [0, logits].
 */
public final class LogitsEncoding {
    private LogitsEncoding() {
    }

    /** Encodes {@code tokens} (L positions, each in 0..K-1) as L * (K - 1) logits, row-major. */
    public static double[] encode(int[] tokens, int vocabulary) {
        int k1 = vocabulary - 1;
        double on = Math.log(0.6 + 0.4 / vocabulary);
        double off = Math.log(0.4 / vocabulary);
        double[] out = new double[tokens.length * k1];
        for (int p = 0; p < tokens.length; p++) {
            int t = tokens[p];
            if (t < 0 || t >= vocabulary) {
                throw new IllegalArgumentException("token " + t + " at position " + p + " outside 0.." + k1);
            }
            double base = t == 0 ? on : off;
            for (int c = 1; c < vocabulary; c++) {
                out[p * k1 + c - 1] = (c == t ? on : off) - base;
            }
        }
        return out;
    }

    /** Decodes L * (K - 1) logits to L tokens: argmax over [0, logits] (the first on ties). */
    public static int[] decode(double[] logits, int vocabulary) {
        int k1 = vocabulary - 1;
        if (logits.length % k1 != 0) {
            throw new IllegalArgumentException(logits.length + " logits is not a multiple of K - 1 = " + k1);
        }
        int[] tokens = new int[logits.length / k1];
        for (int p = 0; p < tokens.length; p++) {
            int best = 0;
            double bestValue = 0.0;
            for (int c = 1; c < vocabulary; c++) {
                double v = logits[p * k1 + c - 1];
                if (v > bestValue) {
                    best = c;
                    bestValue = v;
                }
            }
            tokens[p] = best;
        }
        return tokens;
    }
}
