package dev.ringwatch.jmc;

import dev.ringwatch.ring.IoUring;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test program in a child JVM with a JFR recording, under the shaded agent jar or without it, and
 * returns the recording: the kind of file a user opens in JMC.
 */
final class ProgramRecording {
    private static final long TIMEOUT_SECONDS = 120;

    private ProgramRecording() {
    }

    /** Records {@code program} with ringwatch.jfc under {@code -javaagent:ringwatch-agent.jar}. */
    static Path withAgent(Class<?> program) throws IOException, InterruptedException {
        return run(program, true, "settings=" + requiredFile("ringwatch.jfc"));
    }

    /** Records {@code program} with the JDK's default settings and no agent. */
    static Path withoutAgent(Class<?> program) throws IOException, InterruptedException {
        return run(program, false, "settings=default");
    }

    private static Path run(Class<?> program, boolean agent, String settings) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("ringwatch.test.out", "target/recordings")).toAbsolutePath();
        Files.createDirectories(dir);
        String label = program.getSimpleName() + (agent ? "-agent" : "-plain");
        Path jfr = dir.resolve(label + ".jfr");
        Path log = dir.resolve(label + ".log");
        Files.deleteIfExists(jfr);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (agent) {
            cmd.add("-javaagent:" + requiredFile("ringwatch.agent.jar"));
        }
        cmd.add("-XX:StartFlightRecording:" + settings + ",filename=" + jfr);
        cmd.add("-cp");
        cmd.add(location(IoUring.class) + File.pathSeparator + location(program));
        cmd.add(program.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(label + " did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(jfr)) {
            throw new AssertionError(label + " exited with " + p.exitValue() + " (recording "
                    + (Files.isRegularFile(jfr) ? "written" : "missing") + "):\n" + Files.readString(log));
        }
        return jfr;
    }

    private static String requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name a built file, got " + value
                    + " (run the tests through Maven: the reactor builds the agent and jfr-events first)");
        }
        return Path.of(value).toAbsolutePath().normalize().toString();
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
