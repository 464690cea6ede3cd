package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads over HTTP from a server on the loopback interface started by the test (no network):
 * a redirect is followed, as Hugging Face redirects a download to its storage, and an error
 * status is an error naming the URL, not a file holding the error page.
 */
class DownloadsTest {
    @TempDir
    Path tmp;

    @Test
    void followsRedirectsAndRefusesErrorStatuses() throws IOException {
        byte[] body = "the published bytes".getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/resolve/main/a.npy")) {
                exchange.getResponseHeaders().add("Location", "/storage/a.npy");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/storage/a.npy")) {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else {
                byte[] page = "<html>Entry not found</html>".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(404, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path target = tmp.resolve("a.npy");
            assertEquals(body.length, Downloads.copy(URI.create(base + "/resolve/main/a.npy"), target));
            assertArrayEquals(body, Files.readAllBytes(target));

            Path missing = tmp.resolve("b.npy");
            IOException e = assertThrows(IOException.class,
                    () -> Downloads.copy(URI.create(base + "/resolve/main/b.npy"), missing));
            assertTrue(e.getMessage().contains("HTTP 404 from " + base + "/resolve/main/b.npy"), e.getMessage());
            assertTrue(Files.notExists(missing), "the error page was written");
        } finally {
            server.stop(0);
        }
    }
}
