package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;

import java.nio.file.Files;
import java.nio.file.Path;

/** Run with reclaim=true: a dropped FixedFile's slot is released by the agent and the kernel drops the file. */
public final class ReclaimSlot {
    static IoUring ring;
    static FileTable files;

    public static void main(String[] args) throws Exception {
        ring = IoUring.builder().entries(8).build();
        files = ring.registerFiles(4);
        int sock = Child.socket();
        files.register(sock, null);
        Child.print("SLOT_LINES_BEFORE", slotLines());
        Child.settle(1);
        Child.print("FREED", Child.gcUntil(() -> files.occupied() == 0));
        Child.print("SLOT_LINES_AFTER", slotLines());
        ring.forEachCompletion((ud, res, flags) -> { });       // the kernel's drop confirmation
        Child.print("PENDING_AFTER", files.awaitingDrop());
        Child.print("RING_OPEN", !ring.isClosed());
    }

    /** Occupied-slot lines of the ring's fdinfo: the indented lines after "UserFiles:". */
    private static long slotLines() throws Exception {
        long n = 0;
        boolean inFiles = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + ring.fd()))) {
            if (line.startsWith("UserFiles:")) {
                inFiles = true;
            } else if (inFiles && line.startsWith(" ")) {
                n++;
            } else {
                inFiles = false;
            }
        }
        return n;
    }
}
