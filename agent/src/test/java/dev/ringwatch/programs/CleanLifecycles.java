package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;

/**
 * Clean: owners dropped only after what they owned was closed, a ring closed with slots still in it,
 * slots released through releaseSlot, handles dropped after close. No leak may be reported.
 */
public final class CleanLifecycles {
    static final class Conn implements AutoCloseable {
        final IoUring ring = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(5)).owner(this).build();
        final FixedFile file;

        Conn(int fd) {
            file = ring.registerFiles(4).register(fd, this);
        }

        @Override
        public void close() {
            file.close();
            ring.close();
        }
    }

    public static void main(String[] args) {
        int fd = Child.openDevNull();
        for (int i = 0; i < 5; i++) {
            try (Conn c = new Conn(fd)) {
                c.ring.nextSqe().nop().userData(i);
                c.ring.submitAndWait(1);
            }
        }
        IoUring ring = IoUring.builder().entries(8).build();
        FileTable files = ring.registerFiles(8);
        for (int i = 0; i < 4; i++) {
            files.register(fd, new Object()).close();           // closed before its owner goes
        }
        FixedFile kept = files.register(fd, null);
        files.releaseSlot(kept.slot());                          // released by index
        kept = null;
        files.register(fd, null);                                // occupied when the ring closes
        ring.forEachCompletion((ud, res, flags) -> { });
        ring.close();
        ring = null;
        files = null;
        Child.close(fd);
        Child.settle(0);
        Child.print("LIVE_RINGS", Child.tracker("LiveRings"));
        Child.print("OCCUPIED", Child.tracker("OccupiedSlots"));
    }
}
