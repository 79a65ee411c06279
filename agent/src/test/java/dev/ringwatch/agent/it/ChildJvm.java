package dev.ringwatch.agent.it;

import dev.ringwatch.programs.Child;
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
 * Starts one test program in a child JVM (the JDK running the tests) with
 * {@code -javaagent:agent/target/ringwatch-agent.jar[=options]} and, by default, a JFR recording, and
 * collects what it printed and recorded. Each run gets its own directory under target/it-runs.
 */
final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 120;

    private final String label;
    private final String mainClass;
    private final List<String> programArgs = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<Path> classpathFirst = new ArrayList<>();
    private final List<Path> classpathLast = new ArrayList<>();
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private boolean defaultClasspath = true;
    private String agentOptions = "";
    private boolean agent = true;
    private boolean externalRecording = true;
    private String recordingOptions = "";

    private ChildJvm(String label, Class<?> program) {
        this.label = label;
        this.mainClass = program.getName();
    }

    static ChildJvm of(String label, Class<?> program, String... args) {
        ChildJvm c = new ChildJvm(label, program);
        c.programArgs.addAll(List.of(args));
        return c;
    }

    /** Options after {@code =} in -javaagent; empty for none. */
    ChildJvm agentOptions(String options) {
        this.agentOptions = options;
        return this;
    }

    ChildJvm withoutAgent() {
        this.agent = false;
        return this;
    }

    /** No -XX:StartFlightRecording (e.g. to test the agent's own jfr= recording). */
    ChildJvm withoutRecording() {
        this.externalRecording = false;
        return this;
    }

    /** Extra -XX:StartFlightRecording parameters, e.g. {@code +dev.ringwatch.RingStatistics#period=200ms}. */
    ChildJvm recordingOptions(String options) {
        this.recordingOptions = options;
        return this;
    }

    ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    /** Puts {@code dir} on the class path before ring-core (e.g. a differently built ring-core class). */
    ChildJvm classpathFirst(Path dir) {
        classpathFirst.add(dir);
        return this;
    }

    /** Appends {@code entries} to the class path (e.g. Netty's jars). */
    ChildJvm classpathLast(List<Path> entries) {
        classpathLast.addAll(entries);
        return this;
    }

    /** Only the given entries (and none of ring-core's or the test classes'), e.g. a shaded application jar. */
    ChildJvm classpathOnly(List<Path> entries) {
        defaultClasspath = false;
        classpathLast.addAll(entries);
        return this;
    }

    /** Runs the child on the JDK at {@code home} instead of the one running the tests. */
    ChildJvm javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    static Path agentJar() {
        Path jar = Path.of(System.getProperty("ringwatch.agent.jar", "target/ringwatch-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar " + jar.toAbsolutePath() + " is missing: the integration tests"
                    + " run after the package phase (mvn verify)");
        }
        return jar.toAbsolutePath();
    }

    static Path runDir(String label) throws IOException {
        Path root = Path.of(System.getProperty("ringwatch.test.out", "target/it-runs"));
        Path dir = root.resolve(label.replaceAll("[^A-Za-z0-9._-]", "_")).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    ChildRun run() throws IOException, InterruptedException {
        Path dir = runDir(label);
        Path jfr = dir.resolve("recording.jfr");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        if (Runtime.version().feature() >= 22 && javaHome.equals(Path.of(System.getProperty("java.home")))) {
            cmd.add("--enable-native-access=ALL-UNNAMED"); // unknown to the JDK 17 some children run on
        }
        cmd.add("-Xmx256m");
        if (agent) {
            cmd.add("-javaagent:" + agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        if (externalRecording) {
            cmd.add("-XX:StartFlightRecording:filename=" + jfr + (recordingOptions.isEmpty() ? "" : "," + recordingOptions));
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        for (Path p : classpathFirst) {
            cp.add(p.toString());
        }
        if (defaultClasspath) {
            cp.add(ChildProcess.location(IoUring.class));
            cp.add(ChildProcess.location(Child.class));
            cp.add(ChildProcess.location(dev.ringwatch.testsupport.TestLibc.class));
        }
        for (Path p : classpathLast) {
            cp.add(p.toString());
        }
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(mainClass);
        cmd.addAll(programArgs);

        CommandOutput o = ChildProcess.run(label, dir, cmd, TIMEOUT_SECONDS);
        return new ChildRun(label, dir, o.exit(), o.out(), o.err(), Files.exists(jfr) ? jfr : null);
    }
}
