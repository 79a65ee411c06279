package dev.ringwatch.sample.soak;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One soak thread: creates and closes rings (one in {@code sqpollEvery} with SQPOLL, bounded by a shared
 * permit pool because each is a kernel thread), registers and releases slots on its own long-lived ring,
 * and every {@code leakEvery}-th step leaks on purpose: a ring or a slot dropped without close(), counted.
 */
final class SoakWorker implements Runnable {
    private static final int HOME_SLOTS = 1024;
    private static final Duration SQPOLL_IDLE = Duration.ofMillis(50);

    private final int socketFd;
    private final int leakEvery;
    private final int sqpollEvery;
    private final Semaphore sqpollPermits;
    private final BooleanSupplier running;
    private final SoakCounts counts;

    SoakWorker(int socketFd, int leakEvery, int sqpollEvery, Semaphore sqpollPermits, BooleanSupplier running,
               SoakCounts counts) {
        this.socketFd = socketFd;
        this.leakEvery = leakEvery;
        this.sqpollEvery = sqpollEvery;
        this.sqpollPermits = sqpollPermits;
        this.running = running;
        this.counts = counts;
    }

    @Override
    public void run() {
        // the worker's own ring and table live for the whole run: leaked slots are leaked from them
        try (IoUring home = IoUring.builder().entries(64).build()) {
            FileTable table = home.registerFiles(HOME_SLOTS);
            long step = 0;
            while (running.getAsBoolean()) {
                step++;
                try {
                    if (leakEvery > 0 && step % leakEvery == 0) {
                        leakOne(table, step / leakEvery);
                    } else {
                        churn(table, step);
                    }
                    reap(home);
                } catch (RuntimeException | Error e) {
                    counts.exception(e);
                }
            }
            reap(home);
            letTheLastDropsBeSeen();
        } catch (RuntimeException | Error e) {
            counts.exception(e);
        }
    }

    /**
     * The slots dropped in the last moments still hold their file: give the GC and the agent time to see them
     * before the home ring's close releases them (a released slot is no longer a leak, and the soak counts it made).
     */
    private static void letTheLastDropsBeSeen() {
        System.gc();
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One clean step: a ring made, used and closed, and a slot registered and released. */
    private void churn(FileTable table, long step) {
        boolean sqpoll = sqpollEvery > 0 && step % sqpollEvery == 0 && sqpollPermits.tryAcquire();
        try (IoUring ring = sqpoll ? IoUring.builder().entries(8).sqpoll(SQPOLL_IDLE).build()
                : IoUring.builder().entries(8).build()) {
            ring.nextSqe().nop().userData(step);
            ring.submitAndWait(1);
            ring.forEachCompletion((userData, res, flags) -> counts.nops.increment());
            (sqpoll ? counts.sqpollRings : counts.rings).increment();
        } finally {
            if (sqpoll) {
                sqpollPermits.release();
            }
        }
        FixedFile slot = table.register(socketFd, null);
        slot.close();
        counts.slots.increment();
    }

    /** Slots, plain rings and SQPOLL rings in turn (SQPOLL one time in five): dropped, never closed. */
    private void leakOne(FileTable table, long leakNumber) {
        switch ((int) (leakNumber % 3)) {
            case 0 -> {
                table.register(socketFd, null);        // the FixedFile is its own owner: dropped here
                counts.leakedSlots.increment();
            }
            case 1 -> {
                if (leakNumber % 5 == 1 && sqpollPermits.tryAcquire()) {
                    // the permit goes back at once: the agent's reclaim closes the dropped ring and its thread
                    sqpollPermits.release();
                    IoUring.builder().entries(8).sqpoll(SQPOLL_IDLE).build();
                    counts.leakedSqpollRings.increment();
                } else {
                    IoUring.builder().entries(8).build();
                    counts.leakedRings.increment();
                }
            }
            default -> {
                IoUring.builder().entries(8).build();
                counts.leakedRings.increment();
            }
        }
    }

    /** Reaps the home ring: its completions include the kernel's tag CQEs for released slots. */
    private void reap(IoUring home) {
        home.submit();
        home.forEachCompletion((userData, res, flags) -> { });
    }
}
