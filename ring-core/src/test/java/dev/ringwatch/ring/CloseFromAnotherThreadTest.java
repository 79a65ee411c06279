package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * close() racing the accesses no use count brackets (SQE stores, reaping): the user thread gets only the
 * documented exception, the JVM does not crash (JDK-8364167), and the kernel ring is released at once.
 */
class CloseFromAnotherThreadTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final int ROUNDS = 200;

    /** One round's user loop; it runs until the ring's close stops it with an exception. */
    private interface UserLoop {
        void run(IoUring ring);
    }

    @Test
    void closeRacingSqePrepsWithoutSubmit() throws Exception {
        race(ring -> {
            Sqe sqe = ring.nextSqe();
            while (true) {
                for (long n = 0; n < 256; n++) {
                    sqe.nop().userData(n); // raw stores into the ring, inside no call on the ring
                }
                ring.sqSpaceLeft(); // the next call: it throws once the ring is closed
            }
        });
    }

    @Test
    void closeRacingForEachCompletionWithCompletionsPending() throws Exception {
        race(ring -> {
            while (true) {
                for (int i = 0; i < 16; i++) {
                    ring.nextSqe().nop().userData(i);
                }
                ring.submit();
                ring.forEachCompletion((ud, res, flags) -> { }); // 16 ready on entry
            }
        });
    }

    @Test
    void aUserFindingItsRingClosedByAnotherThreadUnmapsTheRingMemory() throws Exception {
        for (int round = 0; round < 50; round++) {
            IoUring ring = IoUring.builder().entries(4).build();
            CountDownLatch used = new CountDownLatch(1), closed = new CountDownLatch(1);
            AtomicReference<Throwable> got = new AtomicReference<>();
            Thread user = Thread.ofPlatform().start(() -> {
                ring.nextSqe().nop();
                ring.submit();
                used.countDown();
                await(closed);
                try {
                    ring.cqReady();
                } catch (Throwable t) {
                    got.set(t);
                }
            });
            await(used);
            int fd = ring.fd();
            ring.close(); // not the user: the memory stays mapped (anonymous) until the user calls in
            assertNoRingMappingAndFdClosed(ring, fd, "round " + round);
            assertFalse(ring.teardown.freed(), "round " + round + ": freed under the user's feet");
            closed.countDown();
            user.join(HANG_GUARD.toMillis());
            assertInstanceOf(IllegalStateException.class, got.get(), "round " + round);
            assertTrue(ring.teardown.freed(), "round " + round + ": the user unmaps the memory when it finds the ring closed");
            for (Mapping m : ring.mappings()) {
                assertFalse(mapsLineStarting(m.address()), "round " + round + ": " + m + " still mapped after its user left");
            }
        }
    }

    @Test
    void closedRingsWhoseUserNeverCallsAgainAreUnmappedOnceUnreachable() throws Exception {
        List<RingTeardown> teardowns = new ArrayList<>(); // a teardown does not keep its ring reachable
        for (int round = 0; round < 20; round++) {
            teardowns.add(closeARingUsedByAnotherThread("round " + round));
        }
        assertTrue(ProcState.await(HANG_GUARD, () -> {
            System.gc();
            return teardowns.stream().allMatch(RingTeardown::freed);
        }), "placeholders of unreachable rings still mapped");
    }

    @Test
    void anSqpollRingClosedFromAnotherThreadLosesItsKernelThreadWhileItsUserHasNotCalledAgain() throws Exception {
        ProcState.awaitNoSqpollThreads();
        IoUring ring = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).sqe128().cqe32().build();
        Thread user = Thread.ofPlatform().start(() -> ring.nextSqe().nop());
        user.join(HANG_GUARD.toMillis());
        // The kernel thread names itself iou-sqp-<pid> when it first runs, which a loaded machine may delay.
        assertTrue(ProcState.await(HANG_GUARD, () -> ProcState.sqpollThreads() == 1), "no iou-sqp thread for the ring");
        int fd = ring.fd();
        ring.close();
        assertNoRingMappingAndFdClosed(ring, fd, "SQPOLL ring");
        assertFalse(ring.teardown.freed(), "the placeholder waits for the user");
        assertTrue(ProcState.await(HANG_GUARD, () -> ProcState.sqpollThreads() == 0), "iou-sqp thread outlived the close");
    }

    /** In a method of its own, so that no local variable of the test keeps the ring reachable. */
    private static RingTeardown closeARingUsedByAnotherThread(String what) throws Exception {
        IoUring ring = IoUring.builder().entries(4).build();
        Thread user = Thread.ofPlatform().start(() -> ring.nextSqe().nop());
        user.join(HANG_GUARD.toMillis());
        int fd = ring.fd();
        ring.close();
        assertNoRingMappingAndFdClosed(ring, fd, what);
        assertFalse(ring.teardown.freed(), what + ": the user was another thread, which might still store");
        return ring.teardown;
    }

    private static void race(UserLoop loop) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            IoUring ring = IoUring.builder().entries(32).build();
            int fd = ring.fd();
            AtomicReference<Throwable> got = new AtomicReference<>();
            Thread user = Thread.ofPlatform().start(() -> {
                try {
                    loop.run(ring);
                } catch (Throwable t) {
                    got.set(t);
                }
            });
            for (int spin = 0; spin < round % 7 * 100; spin++) {
                Thread.onSpinWait();
            }
            ring.close();
            user.join(HANG_GUARD.toMillis());
            assertFalse(user.isAlive(), "round " + round + ": the user thread must stop");
            assertNoRingMappingAndFdClosed(ring, fd, "round " + round);
            Throwable t = got.get();
            assertNotNull(t, "round " + round);
            assertInstanceOf(IllegalStateException.class, t, "round " + round + ": " + t);
            assertTrue(t.getMessage().contains("closed"), "round " + round + ": " + t.getMessage());
        }
    }

    /**
     * Once close() returned and no call is inside the kernel (such a call delays the release until it
     * returns), the kernel ring is released: none of its regions maps the io_uring file, the fd is closed.
     */
    private static void assertNoRingMappingAndFdClosed(IoUring ring, int fd, String what) throws Exception {
        assertEquals(0, ring.state().users(), what + ": a call is still inside the kernel");
        List<String> ringMaps = ProcState.ringMappings();
        for (Mapping m : ring.mappings()) {
            String start = Long.toHexString(m.address()) + "-";
            assertFalse(ringMaps.stream().anyMatch(l -> l.startsWith(start)), what + ": " + m + " still maps the ring");
        }
        // the number may be reused (or closed) by another thread meanwhile: only the ring itself counts
        assertFalse(ProcState.fdTargetOrClosed(fd).equals("anon_inode:[io_uring]"), what + ": fd " + fd + " still open");
    }

    private static boolean mapsLineStarting(long address) throws Exception {
        String start = Long.toHexString(address) + "-";
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.startsWith(start));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("latch never opened");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
