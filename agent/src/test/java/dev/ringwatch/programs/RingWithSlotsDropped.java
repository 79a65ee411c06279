package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;

/**
 * Leaky: a ring dropped with three occupied slots whose handles were dropped too. One ring leak covers
 * them; the slots are not reported separately.
 */
public final class RingWithSlotsDropped {
    public static void main(String[] args) {
        int fd = Child.openDevNull();
        make(fd);
        Child.settle(1);
    }

    private static void make(int fd) {
        IoUring ring = IoUring.builder().entries(8).build();
        FileTable files = ring.registerFiles(4);
        for (int i = 0; i < 3; i++) {
            files.register(fd, null);
        }
    }
}
