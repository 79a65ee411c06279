package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ENOMEM from the locked-memory limit must say so and name the limit. Root has CAP_IPC_LOCK, which
 * bypasses the limit, so a child JVM runs with that capability dropped and RLIMIT_MEMLOCK at 64 KiB.
 */
class LockedMemoryLimitTest {

    /** Child program: registers 1 MiB of buffers and prints what happened. */
    public static void main(String[] args) {
        try (IoUring r = IoUring.builder().entries(4).build(); Arena a = Arena.ofConfined()) {
            r.registerBuffers(a.allocate(1 << 20, 4096));
            System.out.println("REGISTERED");
        } catch (IoUringException e) {
            System.out.println("ERROR " + e.errnoName() + " " + e.getMessage());
        }
    }

    /** util-linux and libcap tools live in sbin directories that a non-login PATH may lack. */
    private static String tool(String name) {
        for (String dir : new String[]{"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        throw new AssertionError(name + " not found in /usr/sbin, /sbin, /usr/bin or /bin: install util-linux and libcap2-bin");
    }

    @Test
    void registeringBuffersOverTheMemlockLimitNamesTheLimit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String childJava = java + " --enable-native-access=ALL-UNNAMED -cp " + System.getProperty("java.class.path")
                + " " + LockedMemoryLimitTest.class.getName();
        Process p = new ProcessBuilder(List.of(tool("prlimit"), "--memlock=65536", tool("capsh"), "--drop=cap_ipc_lock", "--",
                "-c", childJava)).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("ERROR ENOMEM io_uring_register(fd="), out);
        assertTrue(out.contains("RLIMIT_MEMLOCK (soft limit 65536 bytes)"), out);
    }
}
