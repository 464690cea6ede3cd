package ebmopt.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a sweep's lock: a random id (unique to one acquisition), the host, the process
 * id and its pid namespace (containers on one host name), and when it started; written into
 * the lock file as {@code key=value} lines.
 */
record DriverIdentity(String id, String host, long pid, String pidNamespace, Instant started) {

    /** This process, with a fresh id. */
    static DriverIdentity current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        String namespace;
        try {
            namespace = Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            namespace = "";
        }
        return new DriverIdentity(UUID.randomUUID().toString(), host, ProcessHandle.current().pid(), namespace,
                Instant.now());
    }

    byte[] format() {
        return ("id=" + id + "\nhost=" + host + "\npid=" + pid + "\npid-namespace=" + pidNamespace + "\nstarted="
                + started + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The identity written in {@code content}; empty when it is not one (partly written, or foreign). */
    static Optional<DriverIdentity> parse(byte[] content) {
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (!fields.keySet().containsAll(java.util.List.of("id", "host", "pid", "started"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DriverIdentity(fields.get("id"), fields.get("host"), Long.parseLong(fields.get("pid")),
                    fields.getOrDefault("pid-namespace", ""), Instant.parse(fields.get("started"))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this driver's process is known to be gone: it ran on this host (and pid
     * namespace) and no process has its pid now. Elsewhere only its heartbeat tells.
     */
    boolean goneFrom(DriverIdentity here) {
        return host.equals(here.host) && pidNamespace.equals(here.pidNamespace)
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** "host h, pid p, started t". */
    String describe() {
        return "host " + host + ", pid " + pid + ", started " + started;
    }
}
