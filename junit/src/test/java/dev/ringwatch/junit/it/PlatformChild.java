package dev.ringwatch.junit.it;

import dev.ringwatch.ring.IoUring;
import dev.ringwatch.testsupport.ChildProcess;
import dev.ringwatch.testsupport.CommandOutput;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link PlatformRun} in a child JVM on one JUnit version's console-standalone jar (target/platforms), the
 * built ringwatch-junit.jar and the test classes, with {@code -javaagent:agent/target/ringwatch-agent.jar}. Each run
 * writes its command and output under target/it-runs/&lt;label&gt;.
 */
final class PlatformChild {
    private static final long TIMEOUT_SECONDS = 180;
    /**
     * A reconciler faster than the default 5 s, so that a fixture sees its "closed ring still mapped" report within
     * seconds (not faster: at 200 ms periods a close delayed on this busy machine between the agent's close hook and
     * the unmap was once reported as still mapped); no stalled-release reports (nothing here reaps the tag
     * completions of released slots), which would also raise KernelLeaks.
     */
    private static final String AGENT_OPTIONS = "slotStacks=all,reconcilePeriod=1s,stallGrace=60m";

    private PlatformChild() {
    }

    static PlatformResults run(String label, String junitVersion, List<Path> extraClasspath, List<String> args)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("ringwatch.test.out", "target/it-runs"), label).toAbsolutePath();
        Files.createDirectories(dir);
        List<String> cp = new ArrayList<>();
        cp.add(file("ringwatch.junit.platforms", "target/platforms").resolve("junit-" + junitVersion + ".jar").toString());
        cp.add(file("ringwatch.junit.jar", "target/ringwatch-junit.jar").toString());
        cp.add(ChildProcess.location(PlatformRun.class));
        cp.add(ChildProcess.location(IoUring.class));
        cp.add(ChildProcess.location(dev.ringwatch.testsupport.TestLibc.class));
        extraClasspath.forEach(p -> cp.add(p.toString()));
        for (String entry : cp) {
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalStateException(entry + " is missing: these tests run after the package phase (mvn verify)");
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-javaagent:" + file("ringwatch.agent.jar", "../agent/target/ringwatch-agent.jar") + "=" + AGENT_OPTIONS,
                "-cp", String.join(File.pathSeparator, cp), PlatformRun.class.getName()));
        cmd.addAll(args);
        CommandOutput o = ChildProcess.run(label, dir, cmd, TIMEOUT_SECONDS);
        return PlatformResults.parse(label, o.exit(), o.out(), o.err());
    }

    static Path file(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
