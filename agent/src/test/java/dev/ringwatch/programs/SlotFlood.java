package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;

/**
 * A flood of leaks from one site: {@code N} (first argument) /dev/null fds registered into slots at one call
 * site, each FixedFile handle dropped without close(); the ring stays open. Waits until all are reported.
 */
public final class SlotFlood {
    static IoUring ring;

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        ring = IoUring.builder().entries(8).build();
        FileTable files = ring.registerFiles(n);
        for (int i = 0; i < n; i++) {
            leak(files);
        }
        Child.settle(n);
    }

    private static void leak(FileTable files) {
        files.register(Child.openDevNull(), null); // the handle is dropped at once
    }
}
