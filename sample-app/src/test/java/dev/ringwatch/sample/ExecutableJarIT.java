package dev.ringwatch.sample;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar as a user runs it: java -jar, no flags. Runs after package (failsafe). */
class ExecutableJarIT {
    private static final Path JAR = Path.of(System.getProperty("ringwatch.sample.jar", "target/ringwatch-sample.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void manifestNamesTheMainClassAndGrantsNativeAccess_andRingCoreIsInsideUnrelocated() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "missing " + JAR);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest m = jar.getManifest();
            assertNotNull(m, "no manifest");
            assertEquals(Main.class.getName(), m.getMainAttributes().getValue("Main-Class"));
            assertEquals("ALL-UNNAMED", m.getMainAttributes().getValue("Enable-Native-Access"));
            // the agent instruments ring-core by its real class names
            assertNotNull(jar.getEntry("dev/ringwatch/ring/IoUring.class"), "ring-core is not inside the jar");
            assertNotNull(jar.getEntry("dev/ringwatch/ring/FileTable.class"));
        }
    }

    @Test
    void coreDemoRunsWithPlainJavaJarAndNoNativeAccessWarning() throws Exception {
        Runs.Run r = Runs.process(List.of(JAVA, "-jar", JAR.toString(), "core-demo"), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("true", r.result().get("ok"), r::describe);
        assertFalse(r.err().contains("WARNING"), () -> "the JVM warned:\n" + r.err());
    }

    @Test
    void unknownOptionExits2WithTheOptionNamed() throws Exception {
        Runs.Run r = Runs.process(List.of(JAVA, "-jar", JAR.toString(), "sqpoll-churn", "--leak-evry", "3"),
                Duration.ofSeconds(60));
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("unknown option '--leak-evry'"), r::describe);
        assertTrue(r.out().isEmpty(), r::describe);
    }
}
