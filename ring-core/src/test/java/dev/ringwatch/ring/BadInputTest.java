package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear exception naming what was wrong; never a crash, a hang or a corrupted ring. */
class BadInputTest {

    @Test
    void nonPositiveEntriesAreRejectedBeforeTheKernel() {
        for (int bad : new int[]{0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IoUring.builder().entries(bad));
            assertTrue(e.getMessage().contains("entries"), e.getMessage());
        }
    }

    @Test
    void tooManyEntriesFailInTheKernelWithTheCallAndErrnoNamed() {
        IoUringException e = assertThrows(IoUringException.class,
                () -> IoUring.builder().entries(100000).sqpoll(Duration.ofMillis(10)).build());
        assertTrue(e.getMessage().startsWith("io_uring_setup(entries=100000, flags=SQPOLL"), e.getMessage());
        assertTrue(e.getMessage().contains(": EINVAL"), e.getMessage());
        assertEquals("EINVAL", e.errnoName());
    }

    @Test
    void clampCapsOversizedRings() {
        try (IoUring r = IoUring.builder().entries(100000).clamp().build()) {
            assertEquals(IoUring.MAX_ENTRIES, r.sqEntries());
        }
    }

    @Test
    void entriesAreRoundedUpToAPowerOfTwo() {
        try (IoUring r = IoUring.builder().entries(33).build()) {
            assertEquals(64, r.sqEntries());
            assertEquals(128, r.cqEntries());
        }
        try (IoUring r = IoUring.builder().entries(8).cqEntries(100).build()) {
            assertEquals(128, r.cqEntries());
        }
    }

    @Test
    void anMmapFailureAfterSetupLeaksNeitherTheFdNorAMapping_injectedMmapFault() {
        long fdsBefore = ProcState.ringFds();
        // Another test's ring may still be mapped until the GC's cleaner runs: only new mappings count.
        List<String> mappedBefore = ProcState.ringMappings();
        for (int failAt = 1; failAt <= 2; failAt++) {
            AtomicInteger calls = new AtomicInteger();
            int failOn = failAt;
            Mapper failing = (errno, len, fd, off) -> {
                if (calls.incrementAndGet() == failOn) {
                    errno.set(java.lang.foreign.ValueLayout.JAVA_INT, 0, 12); // ENOMEM
                    return -1L;
                }
                return Native.mmap(errno, len, fd, off);
            };
            IoUringException e = assertThrows(IoUringException.class,
                    () -> IoUring.builder().sqpoll(Duration.ofMillis(10)).mapper(failing).build());
            assertTrue(e.getMessage().startsWith("mmap("), e.getMessage());
            assertTrue(e.getMessage().contains("ENOMEM") && e.getMessage().contains("RLIMIT_MEMLOCK"), e.getMessage());
            assertEquals(fdsBefore, ProcState.ringFds(), "the ring fd must be closed after a failed mmap");
            List<String> mappedNow = new java.util.ArrayList<>(ProcState.ringMappings());
            mappedNow.removeAll(mappedBefore);
            assertEquals(List.of(), mappedNow, "what was mapped must be unmapped");
        }
    }

    @Test
    void nextSqeOnAFullQueueThrowsAndTheRingStillWorks() {
        try (IoUring r = IoUring.builder().entries(4).build()) {
            for (int i = 0; i < 4; i++) {
                r.nextSqe().nop().userData(i);
            }
            SubmissionQueueFullException e = assertThrows(SubmissionQueueFullException.class, r::nextSqe);
            assertTrue(e.getMessage().contains("4 entries"), e.getMessage());
            assertEquals(4, Completions.await(r, 4).size());
            r.nextSqe().nop().userData(9);
            assertEquals(9, Completions.awaitOne(r).userData());
        }
    }

    @Test
    void everyUseAfterCloseThrowsNamingTheRing() {
        IoUring r = IoUring.builder().entries(4).build();
        r.close();
        r.close(); // idempotent
        assertTrue(r.isClosed());
        List<Runnable> uses = List.of(r::nextSqe, r::submit, () -> r.submitAndWait(1), r::fd, r::cqReady,
                () -> r.forEachCompletion((a, b, c) -> {
                }), () -> r.registerFiles(2), r::probe, r::sqSpaceLeft,
                () -> IoUring.builder().attachWq(r));
        for (Runnable use : uses) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
            assertTrue(e.getMessage().contains("ring #" + r.id()) && e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    void invalidOperationArgumentsAreRefused() {
        try (IoUring r = IoUring.builder().entries(4).build(); Arena a = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class, () -> r.nextSqe().read(-1, a.allocate(8), 0));
            assertThrows(IllegalArgumentException.class, () -> r.nextSqe().read(0, MemorySegment.ofArray(new byte[8]), 0),
                    "heap memory cannot be handed to the kernel");
            assertThrows(IllegalArgumentException.class, () -> r.nextSqe().nop().userData(IoUring.TAG_PREFIX | 1));
            assertThrows(IllegalStateException.class, () -> r.nextSqe().readFixed(0, a.allocate(8), 0, 0),
                    "read_fixed without registered buffers");
            assertThrows(IllegalArgumentException.class, () -> r.submitAndWait(-1));
            assertThrows(IllegalStateException.class, () -> IoUring.builder().sqpollCpu(0).build());
            assertThrows(IllegalArgumentException.class, () -> IoUring.builder().sqpoll(Duration.ofMillis(-1)));
        }
    }

    @Test
    void aThrowingHandlerLosesNoCompletionAndSeesNoneTwice() {
        try (IoUring r = IoUring.builder().entries(8).build()) {
            for (int i = 0; i < 5; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submitAndWait(5);
            assertThrows(IllegalStateException.class, () -> r.forEachCompletion((ud, res, flags) -> {
                if (ud == 2) {
                    throw new IllegalStateException("handler failure");
                }
            }));
            List<Long> rest = new java.util.ArrayList<>();
            r.forEachCompletion((ud, res, flags) -> rest.add(ud));
            assertEquals(List.of(3L, 4L), rest);
        }
    }

    @Test
    void closingFromAnotherThreadWhileInUseNeverCrashes() throws Exception {
        for (int round = 0; round < 20; round++) {
            IoUring r = IoUring.builder().entries(64).build();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread user = new Thread(() -> {
                try {
                    while (true) {
                        r.nextSqe().nop();
                        r.submitAndWait(1);
                        r.forEachCompletion((a, b, c) -> {
                        });
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            user.start();
            Thread.sleep(2);
            r.close();
            user.join(5000);
            assertTrue(!user.isAlive(), "user thread still running after close");
            Throwable t = failure.get();
            assertTrue(t instanceof IllegalStateException || t instanceof IoUringException,
                    "expected a clean exception, got " + t);
        }
    }
}
