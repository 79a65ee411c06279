package dev.ringwatch.sample;

import dev.ringwatch.ring.IoUringException;
import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.ParsedOptions;
import dev.ringwatch.sample.cli.SampleFailure;
import dev.ringwatch.sample.cli.UsageException;
import dev.ringwatch.sample.demo.CoreDemo;
import dev.ringwatch.sample.echo.EchoBenchCommand;
import dev.ringwatch.sample.echo.EchoLoadCommand;
import dev.ringwatch.sample.echo.EchoServerCommand;
import dev.ringwatch.sample.socket.SocketChurn;
import dev.ringwatch.sample.soak.SoakCommand;
import dev.ringwatch.sample.sqpoll.SqpollChurn;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code ringwatch-sample.jar}: picks the subcommand and turns its outcome into an exit
 * code (0 done, 1 failed, 2 bad command line).
 */
public final class Main {
    public static final int OK = 0, FAILED = 1, USAGE = 2;
    static final String PROGRAM = "ringwatch-sample";

    private Main() {
    }

    public static List<Command> commands() {
        return List.of(new CoreDemo(), new SqpollChurn(), new SocketChurn(), new EchoServerCommand(),
                new EchoLoadCommand(), new EchoBenchCommand(), new SoakCommand());
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; never exits the JVM, so tests can call it in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            printUsage(err);
            return USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            printUsage(out);
            return OK;
        }
        Command command = commands().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            err.println(PROGRAM + ": unknown command '" + name + "'");
            printUsage(err);
            return USAGE;
        }
        String prefix = PROGRAM + " " + command.name();
        ParsedOptions options;
        try {
            options = command.options().parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (UsageException e) {
            err.println(prefix + ": " + e.getMessage());
            err.println("Try 'java -jar ringwatch-sample.jar " + command.name() + " --help'.");
            return USAGE;
        }
        if (options.helpRequested()) {
            printHelp(command, out);
            return OK;
        }
        try {
            return command.run(options, out);
        } catch (UsageException e) {
            // a combination of options that only the command can judge
            err.println(prefix + ": " + e.getMessage());
            return USAGE;
        } catch (IoUringException | SampleFailure | IOException | UncheckedIOException e) {
            out.flush();
            err.println(prefix + ": failed: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(prefix + ": interrupted");
            return FAILED;
        } catch (Exception e) {
            out.flush();
            err.println(prefix + ": failed unexpectedly: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private static void printUsage(PrintStream s) {
        s.println(PROGRAM + ": small io_uring programs built on ring-core, meant to be run under the ringwatch agent.");
        s.println();
        s.println("Usage: java -jar ringwatch-sample.jar COMMAND [OPTIONS]");
        s.println("       java -javaagent:agent/target/ringwatch-agent.jar -jar ringwatch-sample.jar COMMAND [OPTIONS]");
        s.println();
        s.println("Commands:");
        int width = commands().stream().mapToInt(c -> c.name().length()).max().orElse(10);
        for (Command c : commands()) {
            s.printf("  %-" + width + "s  %s%n", c.name(), c.summary());
        }
        s.println();
        s.println("Every command stops by itself and ends with one 'result:' line of key=value pairs.");
        s.println("'java -jar ringwatch-sample.jar COMMAND --help' shows a command's options.");
    }

    private static void printHelp(Command c, PrintStream out) {
        out.println("Usage: java -jar ringwatch-sample.jar " + c.name() + " [OPTIONS]");
        out.println();
        out.println(c.description().strip());
        out.println();
        c.options().printHelp(out);
    }
}
