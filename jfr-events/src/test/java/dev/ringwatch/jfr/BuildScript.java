package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a build step of src/build/java as the build runs it: the JDK's source launcher, in a child JVM. */
final class BuildScript {

    record Result(int exitCode, String output) {
    }

    private BuildScript() {
    }

    /** Runs {@code script} with {@code args}; its standard output and error go to a log in {@code dir}. */
    static Result run(String script, Path dir, String... args) throws Exception {
        Path source = Path.of("src/build/java", script);
        assertTrue(Files.isRegularFile(source), "tests run from the jfr-events module directory");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(source.toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, script, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
