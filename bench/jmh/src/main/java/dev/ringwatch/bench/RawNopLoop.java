package dev.ringwatch.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The NOP round trip of {@link NopRoundTrip} with no library at all: a ring set up by hand (liburing's
 * flags: none), SQEs written straight into the mapped memory, io_uring_enter through the same kind of
 * machine-code stub as ring-core's. It is the fastest Java can do this work here, so ring-core's loop
 * is judged against it as well as against C ({@code LoopBench rawnop}).
 */
final class RawNopLoop implements AutoCloseable {
    private static final long SYS_IO_URING_SETUP = 425, SINGLE_MMAP = 1, OFF_SQES = 0x10000000L;
    private static final int PROT_RW = 3, MAP_SHARED_POPULATE = 0x8001, GETEVENTS = 1;
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static final MethodHandle SYSCALL = MachineCode.libc("syscall", FunctionDescriptor.of(JAVA_LONG,
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle MMAP = MachineCode.libc("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    /** mov r10, rcx ; mov eax, 426 (io_uring_enter) ; syscall ; ret */
    private static final MethodHandle ENTER = MachineCode.critical(new byte[] {
        0x49, (byte) 0x89, (byte) 0xCA, (byte) 0xB8, (byte) 0xAA, 0x01, 0x00, 0x00, 0x0F, 0x05, (byte) 0xC3},
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    private final int fd, batch, sqMask, cqMask;
    private final MemorySegment rings, sqes;
    private final long sqTail, cqHead, cqTail, cqes;
    private int tail;

    RawNopLoop(int entries, int batch) {
        this.batch = batch;
        MemorySegment p = Arena.global().allocate(120); // struct io_uring_params, zeroed: no setup flags
        fd = (int) call(SYSCALL, SYS_IO_URING_SETUP, entries, p.address(), 0, 0, 0, 0);
        if (fd < 0 || (p.get(JAVA_INT, 20) & SINGLE_MMAP) == 0) {
            throw new IllegalStateException("io_uring_setup failed or no IORING_FEAT_SINGLE_MMAP (fd " + fd + ")");
        }
        int sqEntries = p.get(JAVA_INT, 0), cqEntries = p.get(JAVA_INT, 4);
        long array = p.get(JAVA_INT, 64);
        cqes = p.get(JAVA_INT, 100);
        long ringBytes = Math.max(array + 4L * sqEntries, cqes + 16L * cqEntries);
        rings = map(ringBytes, 0);
        sqes = map(64L * sqEntries, OFF_SQES);
        sqTail = p.get(JAVA_INT, 44);
        cqHead = p.get(JAVA_INT, 80);
        cqTail = p.get(JAVA_INT, 84);
        sqMask = rings.get(JAVA_INT, p.get(JAVA_INT, 48));
        cqMask = rings.get(JAVA_INT, p.get(JAVA_INT, 88));
        for (int i = 0; i < sqEntries; i++) {
            rings.set(JAVA_INT, array + 4L * i, i);
        }
    }

    /** One batch: NOP SQEs, one submitting enter (waiting only if the NOPs did not complete in it), reap. */
    int roundTrip() {
        int t = tail;
        for (int i = 0; i < batch; i++) {
            long at = (long) ((t + i) & sqMask) << 6;
            sqes.set(JAVA_LONG_UNALIGNED, at, 0L); // opcode IORING_OP_NOP (0), no flags, fd 0
            sqes.set(JAVA_LONG_UNALIGNED, at + 8, 0L);
            sqes.set(JAVA_LONG_UNALIGNED, at + 16, 0L);
            sqes.set(JAVA_LONG_UNALIGNED, at + 24, 0L);
            sqes.set(JAVA_LONG_UNALIGNED, at + 32, i);
            sqes.set(JAVA_LONG_UNALIGNED, at + 40, 0L);
            sqes.set(JAVA_LONG_UNALIGNED, at + 48, 0L);
            sqes.set(JAVA_LONG_UNALIGNED, at + 56, 0L);
        }
        tail = t + batch;
        INT.setRelease(rings, sqTail, tail);
        check(call(ENTER, fd, batch, 0, 0, 0, 0));
        int seen = reap();
        while (seen < batch) {
            // NOPs complete inside the submitting enter; this wait only runs if the kernel ever defers them
            check(call(SYSCALL, 426, fd, 0, batch - seen, GETEVENTS, 0, 0));
            seen += reap();
        }
        return seen;
    }

    private int reap() {
        int head = (int) INT.get(rings, cqHead);
        int ready = (int) INT.getAcquire(rings, cqTail);
        int seen = 0;
        for (; head != ready; head++, seen++) {
            int res = rings.get(JAVA_INT, cqes + ((long) (head & cqMask) << 4) + 8);
            if (res < 0) {
                throw new IllegalStateException("NOP completed with error " + res);
            }
        }
        INT.setRelease(rings, cqHead, head);
        return seen;
    }

    @Override
    public void close() {
        call(SYSCALL, 3, fd, 0, 0, 0, 0, 0); // close(2); the mappings go with the process
    }

    private MemorySegment map(long bytes, long offset) {
        try {
            long addr = (long) MMAP.invokeExact(0L, bytes, PROT_RW, MAP_SHARED_POPULATE, fd, offset);
            if (addr == -1L) {
                throw new IllegalStateException("mmap of the ring at offset 0x" + Long.toHexString(offset) + " failed");
            }
            return MemorySegment.ofAddress(addr).reinterpret(bytes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void check(long r) {
        if (r < 0) {
            throw new IllegalStateException("io_uring_enter returned " + r);
        }
    }

    private static long call(MethodHandle h, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) h.invokeExact(a, b, c, d, e, f);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static long call(MethodHandle h, long nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) h.invokeExact(nr, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
