package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaky and clean side by side: 2 rings dropped (one SQPOLL), 3 slots of a kept ring dropped, and
 * 10 rings and 10 slots used correctly. Exactly 2 ring leaks and 3 slot leaks.
 */
public final class MixedLeaks {
    static IoUring kept;
    static final List<FixedFile> KEPT_SLOTS = new ArrayList<>();

    public static void main(String[] args) {
        int fd = Child.openDevNull();
        kept = IoUring.builder().entries(8).build();
        FileTable files = kept.registerFiles(32);
        for (int i = 0; i < 10; i++) {
            try (IoUring r = IoUring.builder().entries(4).build()) {
                r.registerFiles(1).register(fd, null).close();
            }
            KEPT_SLOTS.add(files.register(fd, null));
        }
        dropRings();
        dropSlots(files, fd);
        Child.settle(5);
    }

    private static void dropRings() {
        IoUring.builder().entries(4).build();
        IoUring.builder().entries(4).sqpoll(Duration.ofMillis(10)).build();
    }

    private static void dropSlots(FileTable files, int fd) {
        for (int i = 0; i < 3; i++) {
            files.register(fd, null);
        }
    }
}
