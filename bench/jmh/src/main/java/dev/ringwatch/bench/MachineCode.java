package dev.ringwatch.bench;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A few bytes of x86-64 code in an executable page of their own, called through a critical FFM
 * downcall: the way ring-core's EnterStub reaches the kernel, rebuilt here so the floor benchmarks
 * measure the JVM's path to a system call without any of ring-core's code.
 */
final class MachineCode {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
    private static final long PAGE = 4096;

    private MachineCode() {
    }

    /** A critical downcall to {@code code}, copied into a fresh read-only executable page. */
    static MethodHandle critical(byte[] code, FunctionDescriptor descriptor) {
        requireX86Linux();
        try {
            MethodHandle mmap = libc("mmap", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
            MethodHandle mprotect = libc("mprotect", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
            long page = (long) mmap.invokeExact(0L, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
            if (page == -1L) {
                throw new IllegalStateException("mmap of a code page failed");
            }
            MemorySegment.copy(MemorySegment.ofArray(code), 0, MemorySegment.ofAddress(page).reinterpret(PAGE), 0, code.length);
            if ((int) mprotect.invokeExact(page, PAGE, PROT_READ | PROT_EXEC) != 0) {
                throw new IllegalStateException("mprotect(PROT_EXEC) refused: this system forbids executable anonymous memory");
            }
            return LINKER.downcallHandle(MemorySegment.ofAddress(page), descriptor, Linker.Option.critical(false));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("setting up a code page failed", t);
        }
    }

    static MethodHandle libc(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    private static void requireX86Linux() {
        if (!"amd64".equals(System.getProperty("os.arch")) || !"Linux".equals(System.getProperty("os.name"))) {
            throw new IllegalStateException("the floor benchmarks are written in x86-64 Linux machine code; this is "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        }
    }
}
