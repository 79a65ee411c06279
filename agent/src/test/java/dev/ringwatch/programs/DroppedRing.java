package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

import java.time.Duration;

/**
 * Leaky: one ring dropped without close(), no owner given; SQPOLL when an argument is "sqpoll". With the
 * argument "reclaim" it also waits (bounded) for the agent to close it: iou-sqp thread gone, fd closed.
 */
public final class DroppedRing {
    public static void main(String[] args) {
        boolean sqpoll = java.util.List.of(args).contains("sqpoll");
        boolean reclaim = java.util.List.of(args).contains("reclaim");
        int before = Child.sqpollThreads();
        int fd = open(sqpoll);
        Child.print("RING_FD", fd);
        if (sqpoll) { // the kernel thread names itself iou-sqp-<pid> only when it first runs
            Child.waitUntil(() -> Child.sqpollThreads() > before);
        }
        Child.print("SQP_WHILE_OPEN", Child.sqpollThreads() - before);
        Child.settle(1);
        if (reclaim) {
            Child.gcUntil(() -> Child.sqpollThreads() == before && !Child.fdTarget(fd).contains("io_uring"));
            Child.print("MAPPINGS_AFTER", Child.ringMappings());
        }
        Child.print("SQP_AFTER", Child.sqpollThreads() - before);
        Child.print("FD_AFTER", Child.fdTarget(fd));
    }

    private static int open(boolean sqpoll) {
        var b = IoUring.builder().entries(64).sqe128().cqe32();
        if (sqpoll) {
            b.sqpoll(Duration.ofMillis(10));
        }
        IoUring ring = b.build();
        return ring.fd(); // the ring itself is dropped here
    }
}
