package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.util.ArrayList;
import java.util.List;

/** Clean, for the memory cap: 200 slots held at once, then all closed. */
public final class ManySlots {
    public static void main(String[] args) {
        int fd = Child.openDevNull();
        try (IoUring ring = IoUring.builder().entries(8).build()) {
            FileTable files = ring.registerFiles(256);
            List<FixedFile> held = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                held.add(files.register(fd, null));
            }
            Child.settle(0);
            Child.print("DROPPED", Child.tracker("DroppedEntries"));
            Child.print("TRACKED_WHILE_HELD", Child.tracker("TrackedEntries"));
            for (FixedFile f : held) {
                f.close();
            }
            ring.forEachCompletion((ud, res, flags) -> { });
        }
        Child.print("TRACKED_AFTER", Child.tracker("TrackedEntries"));
    }
}
