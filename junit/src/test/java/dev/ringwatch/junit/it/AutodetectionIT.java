package dev.ringwatch.junit.it;

import dev.ringwatch.junit.fixtures.MethodLevelFixture;
import dev.ringwatch.testsupport.ChildProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code junit.jupiter.extensions.autodetection.enabled=true} (as the build runs ring-core's own suite), the
 * check applies to classes that do not carry the annotation: ring-core's FixedFilesTest is checked test by test and
 * passes, and an unannotated leak fails.
 */
class AutodetectionIT {
    private static final String VERSION = System.getProperty("ringwatch.junit.versions", "5.14.4").split(",")[0];

    @Test
    void checksEveryClassWithoutTheAnnotation() throws Exception {
        Class<?> ringCoreTest = Class.forName("dev.ringwatch.ring.FixedFilesTest");
        PlatformResults r = PlatformChild.run("autodetection-" + VERSION, VERSION,
                List.of(Path.of(ChildProcess.location(ringCoreTest))),
                List.of("junit.jupiter.extensions.autodetection.enabled=true", ringCoreTest.getName(),
                        MethodLevelFixture.class.getName()));

        String ringCoreClass = "[class:" + ringCoreTest.getName() + "]";
        List<String> ringCoreTests = r.outcomes().keySet().stream()
                .filter(id -> id.contains(ringCoreClass + "/") && r.outcomes().get(id).test()).toList();
        assertTrue(ringCoreTests.size() >= 5, "FixedFilesTest ran; " + r.where());
        for (String id : ringCoreTests) {
            assertEquals("SUCCESSFUL", r.outcomes().get(id).status(), id + ": " + r.outcomes().get(id).message());
            assertTrue(r.entries().contains(id + " ringwatch=no io_uring ring or fixed-file slot left open"),
                    "checked: " + id + "; " + r.where());
        }
        assertTrue(r.entries().stream().anyMatch(e -> e.startsWith("[engine:junit-jupiter]/" + ringCoreClass + " ringwatch=")),
                "the class was checked after all; " + r.where());
        String unannotated = "[class:" + MethodLevelFixture.class.getName() + "]/[method:uncheckedLeak()]";
        assertEquals("FAILED", r.outcome(unannotated).status(), r.where());
        assertTrue(r.outcome(unannotated).message().contains(".uncheckedLeak(MethodLevelFixture.java:"),
                r.outcome(unannotated).message());
    }
}
