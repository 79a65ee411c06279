package dev.ringwatch.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar ringwatch-agent.jar <args>} (the JDK running the tests) and collects what it printed. */
final class JarCli {
    record Result(int exitCode, String out, String err) {
    }

    private JarCli() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    /** With JVM options before {@code -jar}, e.g. a small -Xmx. */
    static Result run(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ringwatch-cli");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", ChildJvm.agentJar().toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("'" + String.join(" ", cmd) + "' did not finish within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
