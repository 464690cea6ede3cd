package ebmopt.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Copies what a URL holds into a file: {@code http:} and {@code https:} through
 * {@link HttpClient} (following redirects, as a Hugging Face download does to its storage),
 * any other scheme ({@code file:}) through {@link java.net.URL#openStream}.
 */
final class Downloads {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a server may take to start answering (not to send the whole file). */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    private static HttpClient http;

    private Downloads() {
    }

    /** Copies {@code uri} into {@code target} (replaced); returns the bytes copied. */
    static long copy(URI uri, Path target) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            try (InputStream in = uri.toURL().openStream()) {
                return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).header("User-Agent", "ebm-opt fetch-data")
                .timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + uri);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + response.uri());
            }
            return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(CONNECT_TIMEOUT).build();
        }
        return http;
    }
}
