package dev.ringwatch.sample.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kernel's own view of one ring, from /proc/self/fdinfo/&lt;ring fd&gt;: here only the fixed-file slots
 * that hold a file ({@code "    2: socket:[18868]"} lines after {@code UserFiles:}).
 */
public final class RingFdInfo {
    private static final Pattern SLOT_LINE = Pattern.compile("^\\s*\\d+:\\s*(\\S.*)$");

    private RingFdInfo() {
    }

    /**
     * Occupied slots as the kernel reports them. Newer kernels print nothing while the ring's lock is
     * busy, so an empty read is retried a few times. Older kernels list empty slots as {@code <none>}:
     * those are not counted.
     */
    public static int occupiedSlots(Path procRoot, int ringFd) throws InterruptedException {
        Path fdinfo = procRoot.resolve("self/fdinfo/" + ringFd);
        for (int attempt = 0; ; attempt++) {
            List<String> lines;
            try {
                lines = Files.readAllLines(fdinfo);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + fdinfo, e);
            }
            if (!lines.isEmpty() || attempt >= 20) {
                return countSlots(lines);
            }
            Thread.sleep(5);
        }
    }

    static int countSlots(List<String> lines) {
        int n = 0;
        boolean inFiles = false;
        for (String line : lines) {
            if (line.startsWith("UserFiles:")) {
                inFiles = true;
                continue;
            }
            if (!inFiles) {
                continue;
            }
            var m = SLOT_LINE.matcher(line);
            if (!m.matches()) {
                break; // the next section (UserBufs:, PollList:, ...) begins
            }
            if (!m.group(1).equals("<none>")) {
                n++;
            }
        }
        return n;
    }
}
