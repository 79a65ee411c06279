package dev.ringwatch.bench;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * What one system call costs from Java, against bench/c/syscall_floor.c: getppid(2) through a critical
 * downcall to an inline {@code syscall} instruction (ring-core's way to io_uring_enter), once per call of a
 * Java loop, and the same instruction looped inside the machine code (the JVM process's own cost of a
 * system call, with no return into Java between calls). The phases of the two alternate; each prints the
 * median nanoseconds per call.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp bench/jmh/target/benchmarks.jar dev.ringwatch.bench.SyscallFloor
 * </pre>
 */
public final class SyscallFloor {
    private static final int PHASES = 15, WARMUP_PHASES = 10;
    private static final long PHASE_NS = 150_000_000L;
    /** mov eax, 110 (getppid) ; syscall ; ret */
    private static final MethodHandle ONE = MachineCode.critical(
            new byte[] {(byte) 0xB8, 110, 0, 0, 0, 0x0F, 0x05, (byte) 0xC3}, FunctionDescriptor.of(JAVA_LONG));
    /** mov r8, rdi ; again: mov eax, 110 ; syscall ; dec r8 ; jnz again ; ret */
    private static final MethodHandle LOOPED = MachineCode.critical(new byte[] {
        0x49, (byte) 0x89, (byte) 0xF8, (byte) 0xB8, 110, 0, 0, 0, 0x0F, 0x05, 0x49, (byte) 0xFF, (byte) 0xC8, 0x75,
        (byte) 0xF4, (byte) 0xC3}, FunctionDescriptor.ofVoid(JAVA_LONG));

    private SyscallFloor() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < WARMUP_PHASES; i++) {
            fromJava();
            inMachineCode();
        }
        double[] java = new double[PHASES], looped = new double[PHASES];
        for (int i = 0; i < PHASES; i++) {
            java[i] = fromJava();
            looped[i] = inMachineCode();
        }
        System.out.printf("java_getppid_ns %.1f%nlooped_getppid_ns %.1f%n", median(java), median(looped));
    }

    private static double fromJava() {
        long calls = 0, start = System.nanoTime(), end = start + PHASE_NS, now;
        while (true) {
            for (int i = 0; i < 64; i++) {
                getppid();
            }
            calls += 64;
            now = System.nanoTime();
            if (now - end >= 0) {
                return (double) (now - start) / calls;
            }
        }
    }

    private static double inMachineCode() {
        long calls = 0, start = System.nanoTime(), end = start + PHASE_NS, now;
        while (true) {
            getppidTimes(64);
            calls += 64;
            now = System.nanoTime();
            if (now - end >= 0) {
                return (double) (now - start) / calls;
            }
        }
    }

    private static long getppid() {
        try {
            return (long) ONE.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void getppidTimes(long n) {
        try {
            LOOPED.invokeExact(n);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
