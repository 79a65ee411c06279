package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildSmokeTest {
    @Test
    void runsOnJdk25OrNewer() {
        assertTrue(Runtime.version().feature() >= 25, "tests must run on JDK 25+");
    }
}
