package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under {@code --illegal-native-access=deny} without the flag, the first build() says in one exception what to add. */
class NativeAccessDeniedTest {

    /** Child program: builds a ring and prints what happened. */
    public static void main(String[] args) {
        try (IoUring r = IoUring.builder().entries(4).build()) {
            System.out.println("BUILT " + r);
        } catch (IllegalCallerException e) {
            System.out.println("DENIED " + e.getMessage());
        }
    }

    @Test
    void deniedNativeAccessNamesTheFlagsAndTheManifestAttribute() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--illegal-native-access=deny", "-cp", System.getProperty("java.class.path"),
                NativeAccessDeniedTest.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("DENIED "), out);
        assertTrue(out.contains("--enable-native-access=ALL-UNNAMED") && out.contains("--enable-native-access=dev.ringwatch.ring")
                && out.contains("Enable-Native-Access: ALL-UNNAMED"), out);
    }
}
