package ebmopt.tasks;

import java.nio.file.Path;

/** Where the shared Design-Bench data lives in tests (surefire passes ebmopt.shared.dir). */
final class TestData {
    private TestData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("ebmopt.shared.dir", "../shared"), "data");
    }
}
