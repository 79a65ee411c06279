package dev.ringwatch.sample;

import dev.ringwatch.testsupport.CommandOutput;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the sample's command line in this JVM or in a child JVM and captures what it printed. */
final class Runs {
    private Runs() {
    }

    /** Exit code and output of one run; {@link #result()} parses the final {@code result:} line. */
    record Run(int exitCode, String out, String err) {
        Map<String, String> result() {
            String line = null;
            for (String l : out.split("\n")) {
                if (l.startsWith("result:")) {
                    line = l;
                }
            }
            assertNotNull(line, () -> "no result line in output:\n" + out + "\nstderr:\n" + err);
            Map<String, String> m = new HashMap<>();
            for (String word : line.substring("result:".length()).trim().split(" ")) {
                int eq = word.indexOf('=');
                m.put(word.substring(0, eq), word.substring(eq + 1));
            }
            return m;
        }

        long number(String key) {
            String v = result().get(key);
            assertNotNull(v, () -> "result line has no " + key + ":\n" + out);
            return Math.round(Double.parseDouble(v));
        }

        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Run inProcess(String... args) {
        CommandOutput o = CommandOutput.inProcess(Main::run, args);
        return new Run(o.exit(), o.out(), o.err());
    }

    /** The command line of a child JVM running {@link Main} on this test's class path. */
    static List<String> childCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs a child JVM to its end (bounded by {@code timeout}) and captures its output. */
    static Run child(Duration timeout, String... args) throws IOException, InterruptedException {
        return process(childCommand(args), timeout);
    }

    static Run process(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sample-run-", ".out");
        Path err = Files.createTempFile("sample-run-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("child JVM did not finish within " + timeout + ": " + String.join(" ", command) + "\nstdout:\n"
                        + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String classPathForDebugging() {
        return String.join("\n", System.getProperty("java.class.path").split(File.pathSeparator));
    }
}
