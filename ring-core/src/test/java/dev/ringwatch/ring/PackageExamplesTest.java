package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The package documentation's examples (src/main/java/dev/ringwatch/ring/snippet-files, shown by
 * {@code {@snippet}}) compile against this build's ring-core and do what they claim.
 */
class PackageExamplesTest {
    private static final Path SNIPPETS = Path.of("src/main/java/dev/ringwatch/ring/snippet-files");

    private static ClassLoader compiled(Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", out.toString(), "-Xlint:all", "-Werror",
                "-cp", System.getProperty("java.class.path"),
                SNIPPETS.resolve("FileCopy.java").toString(), SNIPPETS.resolve("EchoServer.java").toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[]{out.toUri().toURL()}, PackageExamplesTest.class.getClassLoader());
    }

    @Test
    void fileCopyCopiesByteForByte() throws Exception {
        Path dir = Files.createTempDirectory("ringwatch-examples");
        Path from = dir.resolve("from.bin");
        Path to = dir.resolve("to.bin");
        byte[] data = new byte[3 * 1024 * 1024 + 12345]; // 48 blocks and a short last one
        new Random(14).nextBytes(data);
        Files.write(from, data);
        Method copy = compiled(dir.resolve("classes")).loadClass("FileCopy").getMethod("copy", Path.class, Path.class);
        assertEquals((long) data.length, copy.invoke(null, from, to));
        assertArrayEquals(data, Files.readAllBytes(to));
    }

    @Test
    void echoServerEchoesOnSeveralConnectionsAndStops() throws Exception {
        Path dir = Files.createTempDirectory("ringwatch-examples");
        Class<?> type = compiled(dir.resolve("classes")).loadClass("EchoServer");
        Object server = type.getConstructor(InetSocketAddress.class)
                .newInstance(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = (int) type.getMethod("port").invoke(server);
        Thread serving = Thread.ofPlatform().name("echo").start((Runnable) server);
        for (int c = 0; c < 5; c++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (int round = 0; round < 3; round++) {
                    byte[] msg = ("hello " + c + "/" + round).getBytes(StandardCharsets.US_ASCII);
                    out.write(msg);
                    assertArrayEquals(msg, in.readNBytes(msg.length));
                }
            }
        }
        type.getMethod("stop").invoke(server);
        serving.join(20_000);
        assertFalse(serving.isAlive(), "stop() ended the server loop");
    }
}
