package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: ring-core's defaults beyond liburing's (NO_SQARRAY) and the opt-in registered ring fd. */
class RingDefaultsTest {
    /** The kernel keeps at most this many registered ring fds per thread (IO_RINGFD_REG_MAX). */
    private static final int REGISTERED_PER_THREAD = 16;

    @Test
    void noSqArrayIsOnByDefaultAndSqSlotsWrapAround() {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            assertTrue((ring.setupFlags() & SetupFlags.NO_SQARRAY) != 0, ring.toString());
            assertTrue(ring.toString().contains("NO_SQARRAY"), ring.toString());
            // 5 rounds of 3 over an SQ of 4 entries: every slot is reused, from a different position each time
            assertEquals(15, roundTrips(ring, 5, 3));
        }
    }

    @Test
    void noSqArrayCanBeSwitchedOff() {
        try (IoUring ring = IoUring.builder().entries(4).noSqArray(false).build()) {
            assertEquals(0, ring.setupFlags());
            assertEquals(15, roundTrips(ring, 5, 3));
        }
    }

    @Test
    void ringFdIsRegisteredOnlyWhenAskedFor() {
        try (IoUring plain = IoUring.builder().entries(4).build()) {
            assertFalse(plain.isRingFdRegistered());
        }
        try (IoUring ring = IoUring.builder().entries(4).registerRingFd().build()) {
            assertTrue(ring.isRingFdRegistered());
            assertEquals(30, roundTrips(ring, 10, 3));
        }
    }

    @Test
    void aRegisteredRingHandedToAnotherThreadWorksThereThroughItsFd() throws Exception {
        try (IoUring ring = IoUring.builder().entries(8).registerRingFd().build()) {
            AtomicInteger done = new AtomicInteger();
            Thread other = Thread.ofPlatform().start(() -> done.set(roundTrips(ring, 10, 4)));
            other.join();
            assertEquals(40, done.get());
            assertEquals(40, roundTrips(ring, 10, 4), "and back on the building thread, through the index");
        }
    }

    @Test
    void closeOnTheBuildingThreadDropsTheRegistrationInTheKernel() {
        // The kernel refuses a 17th registration per thread; closing one of 16 must make room for another.
        List<IoUring> rings = new ArrayList<>();
        try {
            int registered = 0;
            for (int i = 0; i < REGISTERED_PER_THREAD + 1; i++) {
                IoUring r = IoUring.builder().entries(2).registerRingFd().build();
                rings.add(r);
                registered += r.isRingFdRegistered() ? 1 : 0;
            }
            assertEquals(REGISTERED_PER_THREAD, registered, "the 17th ring of this thread is not registered");
            assertFalse(rings.getLast().isRingFdRegistered());
            rings.getFirst().close();
            assertFalse(rings.getFirst().isRingFdRegistered());
            try (IoUring again = IoUring.builder().entries(2).registerRingFd().build()) {
                assertTrue(again.isRingFdRegistered(), "the closed ring's index was given back");
            }
        } finally {
            rings.forEach(IoUring::close);
        }
    }

    @Test
    void aRingClosedOnAnotherThreadIsDroppedAtTheBuildingThreadsNextCall() throws Exception {
        IoUring ring = IoUring.builder().entries(4).registerRingFd().build();
        assertEquals(3, roundTrips(ring, 1, 3));
        Thread closer = Thread.ofPlatform().start(ring::close);
        closer.join();
        assertTrue(ring.isClosed());
        assertTrue(ring.isRingFdRegistered(), "only the building thread can drop it");
        assertThrows(IllegalStateException.class, ring::submit);
        assertFalse(ring.isRingFdRegistered());
    }

    @Test
    void aVirtualThreadDoesNotRegister() throws Exception {
        AtomicBoolean registered = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            try (IoUring ring = IoUring.builder().entries(4).registerRingFd().build()) {
                registered.set(ring.isRingFdRegistered());
                done.set(roundTrips(ring, 3, 3));
            }
        }).join();
        assertFalse(registered.get(), "a virtual thread moves between carriers: the kernel's per-thread index would not follow");
        assertEquals(9, done.get());
    }

    /** {@code rounds} times: queue {@code batch} NOPs, submit and wait for them, reap; returns the completions seen. */
    private static int roundTrips(IoUring ring, int rounds, int batch) {
        int seen = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < batch; i++) {
                ring.nextSqe().nop().userData(r * 100L + i);
            }
            ring.submitAndWait(batch);
            int got = 0;
            while (got < batch) {
                got += ring.forEachCompletion((ud, res, flags) -> assertEquals(0, res));
                if (got < batch) {
                    ring.submitAndWait(batch - got);
                }
            }
            seen += got;
        }
        return seen;
    }
}
