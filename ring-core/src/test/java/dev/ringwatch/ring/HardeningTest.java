package dev.ringwatch.ring;

import dev.ringwatch.testsupport.TestLibc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.ToIntBiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11's ring-core items: wrong close, CQ overflow, nested reaping, threads, small messages. */
class HardeningTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @Test
    void closeLeavesAnFdNumberThatNoLongerRefersToTheRing() throws Exception {
        IoUring ring = IoUring.builder().entries(4).build();
        int fd = ring.fd();
        List<Mapping> mapped = ring.mappings();
        Path file = Files.createTempFile("ringwatch-reused-fd", ".txt");
        int other = TestLibc.open(file.toString(), TestLibc.O_RDONLY);
        try {
            TestLibc.dup2(other, fd); // the application closed the ring fd behind ring-core's back; the number was reused
            ring.close(); // logs a WARNING instead of closing what the number refers to now
            assertEquals(file.toRealPath().toString(), ProcState.fdTarget(fd), "the file now at fd " + fd + " stays open");
            assertTrue(ring.isClosed());
            for (Mapping m : mapped) {
                String start = Long.toHexString(m.address()) + "-";
                assertFalse(ProcState.ringMappings().stream().anyMatch(l -> l.startsWith(start)),
                        "ring-core's own mapping " + m + " is unmapped all the same");
            }
            ring.close(); // idempotent: nothing is done twice
        } finally {
            TestLibc.close(fd);
            TestLibc.close(other);
            Files.delete(file);
        }
    }

    @Test
    void pollingLoopSeesEveryCompletionThatOverflowedTheCq() {
        try (IoUring ring = IoUring.builder().entries(8).build()) {
            assertEquals(16, ring.cqEntries());
            for (int batch = 0; batch < 8; batch++) {
                for (int i = 0; i < 8; i++) {
                    ring.nextSqe().nop().userData(batch * 8L + i);
                }
                ring.submit();
            }
            assertTrue(ring.cqOverflowPending(), "64 NOPs on a 16-entry CQ: the kernel holds the rest aside");
            boolean[] seen = new boolean[64];
            int total = 0;
            for (int round = 0; round < 100 && total < 64; round++) {
                ring.submit();
                total += ring.forEachCompletion((ud, res, flags) -> {
                    assertFalse(seen[(int) ud], "completion " + ud + " twice");
                    seen[(int) ud] = true;
                });
            }
            assertEquals(64, total);
            assertFalse(ring.cqOverflowPending());
            assertEquals(0, ring.cqOverflow(), "with IORING_FEAT_NODROP the kernel dropped nothing");
        }
    }

    /** A completion handler of either kind, and the reap it tries from inside. */
    enum Nesting {
        /** forEachCompletion from inside a small handler's forEachCompletion. */
        SMALL_HANDLER(false, (ring, each) -> ring.forEachCompletion((ud, res, flags) -> each.accept(ud)),
                (ring, each) -> ring.forEachCompletion((ud, res, flags) -> each.accept(ud))),
        /** peekCompletion from inside a big (CQE32) handler's forEachCompletion. */
        BIG_HANDLER(true,
                (ring, each) -> ring.forEachCompletion((long ud, int res, int flags, long x0, long x1) -> each.accept(ud)),
                (ring, each) -> ring.peekCompletion((ud, res, flags) -> each.accept(ud)));

        final boolean cqe32;
        final ToIntBiFunction<IoUring, LongConsumer> reap;
        final BiConsumer<IoUring, LongConsumer> reapInside;

        Nesting(boolean cqe32, ToIntBiFunction<IoUring, LongConsumer> reap, BiConsumer<IoUring, LongConsumer> reapInside) {
            this.cqe32 = cqe32;
            this.reap = reap;
            this.reapInside = reapInside;
        }
    }

    @ParameterizedTest
    @EnumSource(Nesting.class)
    void nestedReapIsRefusedAndEachCompletionComesOnce(Nesting nesting) {
        IoUringBuilder builder = IoUring.builder().entries(4);
        try (IoUring ring = nesting.cqe32 ? builder.cqe32().build() : builder.build()) {
            ring.nextSqe().nop().userData(1);
            ring.nextSqe().nop().userData(2);
            ring.submitAndWait(2);
            List<Long> delivered = new ArrayList<>();
            List<RuntimeException> refused = new ArrayList<>();
            int n = nesting.reap.applyAsInt(ring, ud -> {
                delivered.add(ud);
                try {
                    nesting.reapInside.accept(ring, delivered::add);
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
            });
            assertEquals(2, n);
            assertEquals(List.of(1L, 2L), delivered);
            assertEquals(2, refused.size());
            assertTrue(refused.getFirst().getMessage().contains("from inside a completion handler"), refused.getFirst().getMessage());
        }
    }

    @Test
    void checkedRingRefusesASecondThreadWhileTheFirstIsReaping() throws Exception {
        try (IoUring ring = IoUring.builder().entries(4).checkThreads().build()) {
            ring.nextSqe().nop().userData(1);
            ring.submitAndWait(1);
            CountDownLatch inHandler = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread reaper = Thread.ofPlatform().name("reaper").start(() -> ring.forEachCompletion((ud, res, flags) -> {
                inHandler.countDown();
                await(release);
            }));
            await(inHandler);
            AtomicReference<Throwable> got = new AtomicReference<>();
            Thread intruder = Thread.ofPlatform().name("intruder").start(() -> {
                try {
                    ring.nextSqe();
                } catch (Throwable t) {
                    got.set(t);
                }
            });
            intruder.join(HANG_GUARD.toMillis());
            release.countDown();
            reaper.join(HANG_GUARD.toMillis());
            IllegalStateException e = assertInstanceOf(IllegalStateException.class, got.get());
            assertTrue(e.getMessage().contains("\"intruder\"") && e.getMessage().contains("\"reaper\""), e.getMessage());
            ring.nextSqe().nop(); // handed over after the reaper finished: legal
        }
    }

    @Test
    void closeFromAnotherThreadUnderAWaiterClosesTheFdOnlyAfterTheWaiterLeftTheKernel() throws Exception {
        IoUring ring = IoUring.builder().entries(4).build();
        int fd = ring.fd();
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                ring.submitAndWait(1); // nothing queued: waits until the ring is closed
            } catch (Throwable t) {
                got.set(t);
            }
        });
        assertTrue(ProcState.await(HANG_GUARD, () -> ring.state().users() == 1), "waiter never entered");
        ring.close();
        assertEquals("anon_inode:[io_uring]", ProcState.fdTarget(fd), "fd stays open while a call is inside the kernel");
        waiter.join(HANG_GUARD.toMillis());
        assertFalse(waiter.isAlive(), "waiter did not notice the close");
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, got.get());
        assertTrue(e.getMessage().contains("closed by another thread while this thread waited"), e.getMessage());
        assertFalse(ProcState.fdTargetOrClosed(fd).equals("anon_inode:[io_uring]"), "the last user closed the fd");
    }

    @Test
    void closeFromAnotherThreadWhileSubmittingGivesOnlyTheDocumentedException() throws Exception {
        for (int round = 0; round < 200; round++) {
            IoUring ring = IoUring.builder().entries(8).build();
            AtomicReference<Throwable> got = new AtomicReference<>();
            Thread user = Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        ring.nextSqe().nop();
                        ring.submitAndWait(1);
                        ring.forEachCompletion((ud, res, flags) -> { });
                    }
                } catch (Throwable t) {
                    got.set(t);
                }
            });
            if (round % 2 == 1) {
                Thread.onSpinWait();
            }
            ring.close();
            user.join(HANG_GUARD.toMillis());
            Throwable t = got.get();
            assertNotNull(t, "round " + round + ": the user thread must stop");
            assertInstanceOf(IllegalStateException.class, t, "round " + round + ": " + t);
            assertTrue(t.getMessage().contains("is closed") || t.getMessage().contains("closed by another thread"),
                    "round " + round + ": " + t.getMessage());
        }
    }

    @Test
    void sqeUsedAfterCloseSaysWhichRingIsClosed() {
        IoUring ring = IoUring.builder().entries(4).build();
        Sqe sqe = ring.nextSqe();
        ring.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, sqe::nop);
        assertTrue(e.getMessage().contains(ring + ", which is closed"), e.getMessage());
    }

    @Test
    void fileTableHoldsNothingOnceItsRingClosed() throws Exception {
        IoUring ring = IoUring.builder().entries(4).build();
        FileTable files = ring.registerFiles(4);
        int sock = TestLibc.tcpSocket();
        try {
            FixedFile slot = files.register(sock, null);
            assertEquals(1, files.occupied());
            ring.close();
            assertEquals(0, files.occupied());
            assertFalse(files.isOccupied(slot.slot()));
        } finally {
            TestLibc.close(sock);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG_GUARD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("latch never opened");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
