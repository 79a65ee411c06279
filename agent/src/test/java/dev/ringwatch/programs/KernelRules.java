package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.Mapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs for the kernel reconciler's rules under the real agent (run with a short reconcilePeriod).
 * First argument: {@code mapped} (a ring closed while a second full mapping of its SQ ring exists),
 * {@code raw} (a ring set up by a raw syscall), {@code fdclosed} (a socket registered into a slot, then its
 * fd closed), {@code clean} (SQPOLL rings, ATTACH_WQ pairs and slots, all used and closed properly). Each
 * waits (bounded) for the leaks it expects, then a few more rounds, and prints LEAKS.
 */
public final class KernelRules {
    /** Kept reachable: a GC rule must not report what the kernel rules are tested on. */
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        long expected = switch (args[0]) {
            case "mapped" -> mapped();
            case "raw" -> raw();
            case "fdclosed" -> fdClosed();
            case "clean" -> clean();
            default -> throw new IllegalArgumentException(args[0]);
        };
        awaitLeaks(expected);
    }

    private static long mapped() {
        IoUring ring = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(50)).build();
        Mapping first = ring.mappings().getFirst(); // "rings" (or "sq ring"): offset 0
        RawCalls.mapAgain(ring.fd(), first.bytes(), 0L);
        ring.close();
        KEEP.add(ring);
        return 1;
    }

    private static long raw() {
        KEEP.add(RawCalls.ioUringSetup(4));
        IoUring tracked = IoUring.builder().entries(4).build(); // a tracked one beside it: not reported
        KEEP.add(tracked);
        return 1;
    }

    /** A socket registered into a slot of a new ring, then its fd closed: the slot alone keeps the socket. */
    static long fdClosed() {
        IoUring ring = IoUring.builder().entries(8).build();
        FileTable table = ring.registerFiles(4);
        int socket = Child.socket();
        Object owner = new Object();
        FixedFile slot = table.register(socket, owner);
        KEEP.add(ring);
        KEEP.add(owner);
        KEEP.add(slot);
        Child.close(socket);
        return 1;
    }

    private static long clean() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (IoUring a = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(20)).build();
                 IoUring b = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(20)).attachWq(a).build();
                 IoUring c = IoUring.builder().entries(8).build()) {
                FileTable table = c.registerFiles(4);
                int s1 = Child.socket();
                int s2 = Child.openDevNull();
                try (FixedFile f1 = table.register(s1, null); FixedFile f2 = table.register(s2, null)) {
                    a.nextSqe().nop().userData(1);
                    a.submitAndWait(1, Duration.ofSeconds(5));
                    a.forEachCompletion((ud, res, flags) -> { });
                    Child.sleep(500); // a few reconciler rounds with everything open
                } finally {
                    Child.close(s1);
                    Child.close(s2);
                }
            }
            Child.sleep(300);
        }
        Child.sleep(2500); // past the SQPOLL grace: the closed rings' threads must be gone, not reported
        return 0;
    }

    /** Waits (bounded) until the agent's MBean is registered (about a second after the platform server exists). */
    static void awaitMBean() {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Child.tracker("LeaksReported") < 0 && System.nanoTime() < deadline) {
            Child.sleep(50);
        }
    }

    /** Waits up to 15 s for {@code expected} leaks, then 6 more rounds (any extra report would show), prints. */
    static void awaitLeaks(long expected) {
        awaitMBean();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Child.tracker("LeaksReported") < expected && System.nanoTime() < deadline) {
            Child.sleep(50);
        }
        Child.sleep(1200);
        Child.print("LEAKS", Child.tracker("LeaksReported"));
        Child.print("KERNEL_LEAKS", Child.tracker("KernelLeaks"));
    }
}
