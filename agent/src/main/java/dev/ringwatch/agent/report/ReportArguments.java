package dev.ringwatch.agent.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The command line after the word {@code report}: one recording, and how to print it. */
record ReportArguments(Path recording, boolean json, int top, boolean help) {

    static final int DEFAULT_TOP = 10;

    static final String USAGE = """
            usage: java -jar ringwatch-agent.jar report <recording.jfr> [--json] [--top N]
              Summarizes the ringwatch events of a JFR recording: leaks grouped by the code that created
              them, kernel-side findings, the ring and slot timeline, and the periodic statistics.
              --json      print one JSON document instead of text (fields: REPORT.md)
              --top N     list at most N items in each section (default 10; 0 lists all)
              -h, --help  print this help
            exit status: 0 report printed, 1 the recording could not be read, 2 bad arguments,
              3 the heap ran out (run it with a larger -Xmx)""";

    /** Bad arguments; the message is one line naming what was wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static ReportArguments parse(String[] args) throws UsageException {
        Path recording = null;
        boolean json = false;
        int top = DEFAULT_TOP;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!optionsEnded && arg.startsWith("-") && !arg.equals("-")) {
                switch (arg) {
                    case "--" -> optionsEnded = true;
                    case "-h", "--help" -> {
                        return new ReportArguments(null, false, DEFAULT_TOP, true);
                    }
                    case "--json" -> json = true;
                    case "--top" -> {
                        if (i + 1 == args.length) {
                            throw new UsageException("--top needs a number");
                        }
                        top = parseTop(args[++i]);
                    }
                    default -> {
                        if (arg.startsWith("--top=")) {
                            top = parseTop(arg.substring("--top=".length()));
                        } else {
                            throw new UsageException("unknown option " + arg);
                        }
                    }
                }
            } else if (recording != null) {
                throw new UsageException("one recording at a time; got " + recording + " and " + arg);
            } else {
                recording = path(arg);
            }
        }
        if (recording == null) {
            throw new UsageException("no recording given");
        }
        return new ReportArguments(recording, json, top, false);
    }

    private static int parseTop(String value) throws UsageException {
        try {
            int top = Integer.parseInt(value);
            if (top >= 0) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new UsageException("--top needs a number >= 0 (0 lists all), not '" + value + "'");
    }

    private static Path path(String arg) throws UsageException {
        if (arg.isBlank()) {
            throw new UsageException("the recording's file name is empty");
        }
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new UsageException("not a file name: " + arg + " (" + e.getReason() + ")");
        }
    }
}
