package dev.ringwatch.ring;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * io_uring_enter as eleven bytes of x86-64 machine code in a page of its own, called through FFM: the
 * kernel's result comes back as is (negative errno on failure), so the hot path needs neither libc's
 * {@code syscall} wrapper nor the JDK's errno capture (a call into the VM after every downcall plus a
 * thread-local read of errno). Measured on the NOP round trip, where each of them showed as its own
 * entry in the profile; on a kernel with page-table isolation every page the round trip touches after
 * the system call costs a TLB refill, so three pages of libc and libjvm code fewer also count.
 *
 * <p>Only on Linux x86-64, and only if the JVM may map an executable page; otherwise {@link #AVAILABLE}
 * is false and {@link RingEnter} uses libc's {@code syscall} with errno captured, as before. The page is
 * mapped once per JVM and never unmapped.
 */
final class EnterStub {
    /*
     * SysV arguments arrive in rdi, rsi, rdx, rcx, r8, r9; the kernel wants the fourth in r10 and the
     * system call number in rax:   mov r10, rcx ; mov eax, 426 ; syscall ; ret
     */
    private static final byte[] CODE = {
        0x49, (byte) 0x89, (byte) 0xCA,
        (byte) 0xB8, (byte) 0xAA, 0x01, 0x00, 0x00,
        0x0F, 0x05,
        (byte) 0xC3,
    };
    private static final FunctionDescriptor ENTER = FunctionDescriptor.of(JAVA_LONG,
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);

    /** For submits that cannot sleep: no thread-state transition (Linker.Option.critical). */
    private static final MethodHandle CRITICAL;
    /** For waits: the normal transition, so that a GC can run while the thread sleeps in the kernel. */
    private static final MethodHandle BLOCKING;
    static final boolean AVAILABLE;

    static {
        MethodHandle critical = null, blocking = null;
        if (Native.SYS_IO_URING_ENTER == 426 && "amd64".equals(System.getProperty("os.arch"))
                && !Boolean.getBoolean("dev.ringwatch.ring.libcEnter")) {
            try {
                MemorySegment code = Native.executable(CODE);
                if (code != null) {
                    Linker linker = Linker.nativeLinker();
                    critical = linker.downcallHandle(code, ENTER, Linker.Option.critical(false));
                    blocking = linker.downcallHandle(code, ENTER);
                    // An fd that is no ring must come back as -EBADF; anything else: do not trust the stub.
                    if ((long) critical.invokeExact(-1L, 0L, 0L, 0L, 0L, 0L) != -Errno.EBADF) {
                        critical = blocking = null;
                    }
                }
            } catch (Throwable t) {
                critical = blocking = null; // denied native access, or no executable memory: use libc
            }
        }
        CRITICAL = critical;
        BLOCKING = blocking;
        AVAILABLE = critical != null;
    }

    private EnterStub() {
    }

    /** io_uring_enter; returns the kernel's result: >= 0, or minus errno. Only when {@link #AVAILABLE}. */
    static long enter(int fd, int toSubmit, int minComplete, int flags, long arg, long argSize, boolean mayBlock) {
        try {
            return mayBlock
                    ? (long) BLOCKING.invokeExact((long) fd, (long) toSubmit, (long) minComplete, (long) flags, arg, argSize)
                    : (long) CRITICAL.invokeExact((long) fd, (long) toSubmit, (long) minComplete, (long) flags, arg, argSize);
        } catch (Throwable t) {
            if (t instanceof Error e) {
                throw e;
            }
            throw t instanceof RuntimeException r ? r : new IllegalStateException("io_uring_enter downcall failed", t);
        }
    }
}
