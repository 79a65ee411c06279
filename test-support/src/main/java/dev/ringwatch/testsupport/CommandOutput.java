package dev.ringwatch.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A command's exit status and what it printed on each stream: from a run in this JVM or in a child process. */
public record CommandOutput(int exit, String out, String err) {

    /** A command line's entry point: prints on the streams it is given and returns the exit status. */
    @FunctionalInterface
    public interface EntryPoint {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** Runs {@code command} with {@code args} in this JVM, capturing both streams (UTF-8). */
    public static CommandOutput inProcess(EntryPoint command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = command.run(args, o, e);
        }
        return new CommandOutput(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
