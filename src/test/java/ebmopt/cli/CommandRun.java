package ebmopt.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@link Main#run} in a test, with what it printed to stdout and stderr.
 *
 * @param code the exit code
 * @param out  stdout
 * @param err  stderr
 */
record CommandRun(int code, String out, String err) {

    /** Runs {@code args}, capturing System.err for the duration. */
    static CommandRun of(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new CommandRun(code, out.toString(StandardCharsets.UTF_8), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    /** Whether stderr holds a stack trace. */
    boolean stackTrace() {
        return err.contains("\tat ") || err.contains("Exception in thread");
    }
}
