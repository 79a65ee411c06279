package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

import java.time.Duration;

/** Leaky: a ring's explicit owner is dropped while the ring itself stays referenced (and open). */
public final class OwnerDroppedRingKept {
    static IoUring kept;

    static final class Session {
        IoUring open() {
            return IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).owner(this).build();
        }
    }

    public static void main(String[] args) {
        int before = Child.sqpollThreads();
        kept = new Session().open();
        Child.settle(1);
        boolean reclaimExpected = args.length > 0 && args[0].equals("reclaim");
        if (reclaimExpected) {
            Child.print("CLOSED_BY_AGENT", Child.gcUntil(kept::isClosed));
            Child.print("SQP_GONE", Child.gcUntil(() -> Child.sqpollThreads() == before));
        }
        Child.print("RING_CLOSED", kept.isClosed());
    }
}
