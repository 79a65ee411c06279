package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;

/**
 * Clean: 1,000 SQPOLL rings, each with a registered file, all closed correctly (half of them with the
 * slot still occupied, which the ring's close releases). No leak may be reported.
 */
public final class CleanSqpollRings {
    public static void main(String[] args) {
        int rings = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int fd = Child.openDevNull();
        Object owner = new Object();
        for (int i = 0; i < rings; i++) {
            try (IoUring ring = IoUring.builder().entries(4).sqpoll(Duration.ofMillis(1)).owner(i % 2 == 0 ? owner : null)
                    .build()) {
                FileTable files = ring.registerFiles(2);
                FixedFile slot = files.register(fd, i % 3 == 0 ? owner : null);
                if (i % 2 == 0) {
                    slot.close();
                    ring.forEachCompletion((ud, res, flags) -> { });
                }
            }
        }
        Child.close(fd);
        Child.settle(0);
        Child.print("LIVE_RINGS", Child.tracker("LiveRings"));
        Child.print("TRACKED", Child.tracker("TrackedEntries"));
        Child.print("SQPOLL_THREADS", Child.sqpollThreads());
    }
}
