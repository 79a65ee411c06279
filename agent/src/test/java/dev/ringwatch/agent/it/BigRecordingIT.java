package dev.ringwatch.agent.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report} on a recording much bigger than the heap: a million leak events (a few sites, distinct owner
 * classes and threads, one 4 MB string), about 90 MB, read by a child JVM with a 48 MB heap: about twice the
 * heap, the proportion of a 1 GB recording to the 512 MB default heap of a 2 GB machine.
 */
class BigRecordingIT {
    private static final int LEAKS = 1_000_000;
    private static Path recording;

    @BeforeAll
    static void writeBigRecording() throws Exception {
        recording = ChildJvm.runDir("big-recording").resolve("big.jfr");
        Files.deleteIfExists(recording);
        BigLeakRecording.write(recording, LEAKS);
    }

    @Test
    void aRecordingTwiceTheHeapIsSummarisedWithFieldsCapped() throws Exception {
        long size = Files.size(recording);
        assertTrue(size > 85L << 20, "the recording should be about twice the 48 MB heap: " + size);
        JarCli.Result run = JarCli.run(List.of("-Xmx48m"), "report", recording.toString());
        assertEquals("", run.err(), run.err().lines().limit(5).toList().toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("1000000 leaks at " + 2 * BigLeakRecording.SITES_PER_KIND + " creation sites"), run.out().lines().limit(40).toList()
                .toString());
        int longest = run.out().lines().mapToInt(String::length).max().orElse(0);
        assertTrue(longest < 4096, "a line of " + longest + " characters: fields must be capped");
    }

    @Test
    void anExhaustedHeapIsOneLineAndAnExitCode() throws Exception {
        // 8 MB cannot even hold the 4 MB strings twice: whatever runs out, the answer is one line
        JarCli.Result run = JarCli.run(List.of("-Xmx8m"), "report", recording.toString(), "--json");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("ringwatch report: not enough memory to summarize " + recording), run.err());
    }
}
