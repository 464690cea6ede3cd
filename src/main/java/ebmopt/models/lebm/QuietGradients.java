package ebmopt.models.lebm;

import org.nd4j.autodiff.samediff.SameDiff;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a SameDiff graph's gradient function without its console noise: SameDiff 1.0.0-M2.1
 * prints "Added differentiated op ..." to System.out for every op it differentiates (an
 * unconditional println in createGradFunction, not a logger that configuration can silence).
 * Other output printed meanwhile passes through.
 */
final class QuietGradients {
    private static final String NOISE = "Added differentiated op";

    private QuietGradients() {
    }

    /** {@code graph.createGradFunction()} with SameDiff's per-op lines dropped from System.out. */
    static void create(SameDiff graph) {
        // System.out is the JVM's: serialise the swap so that concurrent trials restore it in order.
        synchronized (QuietGradients.class) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new LineFilter(original), true, StandardCharsets.UTF_8));
            try {
                graph.createGradFunction();
            } finally {
                System.out.flush();
                System.setOut(original);
            }
        }
    }

    /** Passes every line to {@code target} but SameDiff's per-op lines. */
    private static final class LineFilter extends java.io.OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.isEmpty() && !text.startsWith(NOISE)) {
                target.print(text);
            }
            target.flush();
        }
    }
}
