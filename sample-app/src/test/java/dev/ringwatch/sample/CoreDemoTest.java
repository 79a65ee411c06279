package dev.ringwatch.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreDemoTest {

    @Test
    void nopsAndAFileReadThroughTheRing() {
        Runs.Run r = Runs.inProcess("core-demo", "--nops", "16");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("16", r.result().get("nops"));
        assertEquals("true", r.result().get("nops_ok"), r::describe);
        assertEquals("true", r.result().get("content_matches"), r::describe);
        assertEquals("true", r.result().get("fixed_read_matches"), r::describe);
        assertEquals("true", r.result().get("drop_confirmed"), r::describe);
        assertTrue(r.out().contains("OPENAT through the ring"), r::describe);
    }

    @Test
    void readsAGivenFileLargerThanOneBuffer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.txt");
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        data[100] = '\n';
        Files.write(file, data);
        Runs.Run r = Runs.inProcess("core-demo", "--file", file.toString());
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(200_000, r.number("bytes_read"), r::describe);
        assertEquals("true", r.result().get("content_matches"), r::describe);
        assertTrue(Files.exists(file), "a given file is never deleted");
    }
}
