package dev.ringwatch.testsupport;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process of a test (a JVM with the agent, a JUnit platform), run to its end in a directory of its own
 * that keeps its command line and output for a look afterwards.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /**
     * Runs {@code command} in {@code dir}, leaving {@code command.txt}, {@code stdout.txt} and {@code stderr.txt}
     * there.
     *
     * @param label names the run in the failure when it does not finish
     * @throws AssertionError when it does not finish within {@code timeoutSeconds} (it is killed then)
     */
    public static CommandOutput run(String label, Path dir, List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(label + ": child JVM did not finish within " + timeoutSeconds + " s; see " + dir);
        }
        return new CommandOutput(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The jar or class directory {@code c} was loaded from, for a child's class path. */
    public static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
