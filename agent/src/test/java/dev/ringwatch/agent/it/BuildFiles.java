package dev.ringwatch.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files the build made for the integration tests (third-party agents, metric configurations), by property. */
final class BuildFiles {
    private BuildFiles() {
    }

    /** The absolute path the system property {@code property} names; fails the test when it names no file. */
    static Path required(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && Files.exists(Path.of(value)), property + " must name a file the build made: "
                + value);
        return Path.of(value).toAbsolutePath();
    }
}
