package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EMFILE from a fixed-file table larger than RLIMIT_NOFILE must name that limit, as ENOMEM names RLIMIT_MEMLOCK. */
class OpenFilesLimitTest {

    /** Child program: registers a table of 2048 slots and prints what happened. */
    public static void main(String[] args) {
        try (IoUring r = IoUring.builder().entries(4).build()) {
            r.registerFiles(2048);
            System.out.println("REGISTERED");
        } catch (IoUringException e) {
            System.out.println("ERROR " + e.errnoName() + " " + e.getMessage());
        }
    }

    @Test
    void fileTableOverTheOpenFilesLimitNamesTheLimit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of("/usr/bin/prlimit", "--nofile=1024", java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), OpenFilesLimitTest.class.getName()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("ERROR EMFILE io_uring_register(fd="), out);
        assertTrue(out.contains("RLIMIT_NOFILE (soft limit 1024 files)"), out);
    }
}
