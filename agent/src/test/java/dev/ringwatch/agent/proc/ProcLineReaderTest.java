package dev.ringwatch.agent.proc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcLineReaderTest {
    @TempDir
    Path dir;

    private List<String> lines(String text) throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, text);
        List<String> out = new ArrayList<>();
        try (ProcLineReader r = ProcLineReader.open(f)) {
            while (r.next()) {
                out.add(r.text(0, r.length()) + "@" + r.lineNumber());
            }
        }
        return out;
    }

    @Test
    void splitsLinesAndKeepsALastLineWithoutNewline() throws Exception {
        assertEquals(List.of("a@1", "@2", "bc@3"), lines("a\n\nbc"));
        assertEquals(List.of("a@1"), lines("a\n"));
        assertEquals(List.of(), lines(""));
    }

    @Test
    void linesSpanningReadChunksAreWhole() throws Exception {
        String longLine = "x".repeat(8191) + "yz";
        assertEquals(List.of(longLine + "@1", "tail@2"), lines(longLine + "\ntail\n"));
    }

    @Test
    void overlongLineIsRejectedWithItsNumber() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "ok\n" + "x".repeat(ProcLineReader.MAX_LINE_BYTES + 1) + "\n");
        try (ProcLineReader r = ProcLineReader.open(f)) {
            assertTrue(r.next());
            ProcFormatException e = assertThrows(ProcFormatException.class, r::next);
            assertEquals(2, e.line());
        }
    }

    @Test
    void numbersParseStrictly() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "-12 ff 99999999999999999999 1x\n");
        try (ProcLineReader r = ProcLineReader.open(f)) {
            assertTrue(r.next());
            assertEquals(-12, r.decimal(0, 3, "n"));
            assertEquals(255, r.hex(4, 6, "h"));
            assertThrows(ProcFormatException.class, () -> r.decimal(7, 27, "big"));
            assertThrows(ProcFormatException.class, () -> r.decimal(28, 30, "bad"));
            assertThrows(ProcFormatException.class, () -> r.decimal(3, 3, "empty"));
            assertFalse(r.next());
        }
    }

    @Test
    void kernelReleaseParses() {
        KernelRelease k = KernelRelease.parse("6.18.44-fc-v669\n");
        assertEquals(6, k.major());
        assertEquals(18, k.minor());
        assertTrue(k.atLeast(6, 15) && k.atLeast(6, 18) && !k.atLeast(6, 19) && !k.atLeast(7, 0));
        assertEquals(5, KernelRelease.parse("5.4").major());
        assertEquals(null, KernelRelease.parse("linux"));
        assertEquals(null, KernelRelease.parse("6."));
    }

    @Test
    void kernelReleaseOfTheRealKernel() {
        KernelRelease k = ProcRoot.system().kernelRelease().orElseThrow();
        assertTrue(k.major() >= 5, k.toString());
        assertEquals(System.getProperty("os.version"), k.text());
    }
}
