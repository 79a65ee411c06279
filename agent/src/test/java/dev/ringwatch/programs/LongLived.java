package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clean but not closed: two rings (one SQPOLL) and three slots held until the JVM exits. No leak, but the
 * exit summary must name them. Also reports the MBean's view while they are open.
 */
public final class LongLived {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) {
        int fd = Child.openDevNull();
        IoUring sqpoll = IoUring.builder().entries(16).sqpoll(Duration.ofMillis(10)).build();
        IoUring plain = IoUring.builder().entries(8).build();
        FileTable files = plain.registerFiles(8);
        for (int i = 0; i < 3; i++) {
            FixedFile f = files.register(fd, null);
            KEEP.add(f);
        }
        FixedFile released = files.register(fd, null);
        released.close();                                       // pending: no completion is reaped
        KEEP.add(sqpoll);
        KEEP.add(plain);
        Child.settle(0);
        Child.print("LIVE_RINGS", Child.tracker("LiveRings"));
        Child.print("SQPOLL_RINGS", Child.tracker("SqpollRings"));
        Child.print("OCCUPIED", Child.tracker("OccupiedSlots"));
        Child.print("PENDING", Child.tracker("PendingReleases"));
    }
}
