package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The ring's fd registered with the kernel (IORING_REGISTER_RING_FDS, opt-in through
 * {@link IoUringBuilder#registerRingFd()}): io_uring_enter then names the ring by a small index and the
 * kernel skips the fd table lookup and the file reference count (fget/fput) of every call.
 *
 * <p>Why opt-in: the kernel keeps the registration per thread (task), holding a reference to the ring.
 * Only the registering thread can use the index, and only it can drop it. So ring-core uses the index
 * only on that thread (a platform thread; never a virtual one, which moves between carriers) and the
 * plain fd elsewhere, and drops it when the ring is released on that thread; if another thread closes
 * the ring, the registering thread drops it at its next call into the ring, and the kernel when that
 * thread exits. Until then the closed ring's kernel side (memory, fixed files, an SQPOLL thread) lives on:
 * a ring handed to another thread and closed there must not be built with this switch.
 */
final class RingFdRegistration {
    static final int REGISTER_RING_FDS = 20, UNREGISTER_RING_FDS = 21;
    /** io_uring_enter flag: fd is a registered index. */
    static final int ENTER_REGISTERED_RING = 16;
    /** io_uring_register opcode bit: fd is a registered index. */
    private static final int USE_REGISTERED_RING = 1 << 31;
    private static final long UPDATE_SIZE = 16; // struct io_uring_rsrc_update: offset, resv, data

    /** The index, or -1 when the ring fd is not registered. */
    final int index;
    /** Thread id of the registering thread: the only thread that may use {@link #index}. */
    final long thread;
    private volatile boolean dropped;

    private RingFdRegistration(int index, long thread) {
        this.index = index;
        this.thread = thread;
    }

    static final RingFdRegistration NONE = new RingFdRegistration(-1, -1);

    /**
     * Registers {@code fd} for the calling thread; {@link #NONE} on a virtual thread, or when the kernel
     * refuses (before 5.18, or 16 rings registered by this thread already).
     */
    static RingFdRegistration register(int fd) {
        Thread me = Thread.currentThread();
        if (me.isVirtual()) {
            return NONE;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment update = a.allocate(UPDATE_SIZE, 8);
            update.set(JAVA_INT, 0, -1); // any free index
            update.set(JAVA_LONG, 8, fd);
            MemorySegment errno = Native.newErrnoSlot(a);
            long r = Native.syscall(errno, Native.SYS_IO_URING_REGISTER, fd, REGISTER_RING_FDS, update.address(), 1, 0, 0);
            return r == 1 ? new RingFdRegistration(update.get(JAVA_INT, 0), me.threadId()) : NONE;
        }
    }

    boolean isRegistered() {
        return index >= 0 && !dropped;
    }

    /** Whether the calling thread may enter through {@link #index}. */
    boolean usableHere() {
        return index >= 0 && Thread.currentThread().threadId() == thread && !dropped;
    }

    /**
     * Drops the registration if the calling thread is the registering one (else leaves it for that thread);
     * names the ring by its index, so the fd number (perhaps closed behind our back) is never touched.
     */
    void dropIfHere() {
        if (!usableHere()) {
            return;
        }
        dropped = true;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment update = a.allocate(UPDATE_SIZE, 8);
            update.set(JAVA_INT, 0, index);
            // A failure leaves the registration to the kernel's cleanup when this thread exits.
            Native.syscall(Native.newErrnoSlot(a), Native.SYS_IO_URING_REGISTER, index,
                    UNREGISTER_RING_FDS | USE_REGISTERED_RING, update.address(), 1, 0, 0);
        }
    }
}
