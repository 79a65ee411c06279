package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.ReportArguments.UsageException;
import java.io.PrintStream;

/**
 * {@code java -jar ringwatch-agent.jar report <recording.jfr> [--json] [--top N]}: reads a recording
 * that came back from production and prints what ringwatch saw in it. Every failure is one line on
 * {@code err} starting with {@code ringwatch report:}, never a stack trace.
 */
public final class ReportCommand {

    /** The report was printed (whatever it found). */
    public static final int EXIT_OK = 0;
    /** The recording is missing, unreadable, not JFR, or damaged. */
    public static final int EXIT_UNREADABLE = 1;
    /** The arguments were wrong; the usage was printed. */
    public static final int EXIT_USAGE = 2;
    /** The JVM's heap ran out while reading or printing: the message says how to give it more. */
    public static final int EXIT_OUT_OF_MEMORY = 3;

    private static final String PREFIX = "ringwatch report: ";

    private ReportCommand() {
    }

    /**
     * @param args the arguments after the word {@code report}
     * @return the process exit status: {@link #EXIT_OK}, {@link #EXIT_UNREADABLE}, {@link #EXIT_USAGE} or
     *         {@link #EXIT_OUT_OF_MEMORY}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReportArguments arguments;
        try {
            arguments = ReportArguments.parse(args);
        } catch (UsageException e) {
            err.println(PREFIX + e.getMessage());
            err.println(ReportArguments.USAGE);
            return EXIT_USAGE;
        }
        if (arguments.help()) {
            out.println(ReportArguments.USAGE);
            return EXIT_OK;
        }
        try {
            RecordingReport report = RecordingReader.read(arguments.recording(), arguments.top());
            if (arguments.json()) {
                JsonReportWriter.write(report, out);
            } else {
                TextReportWriter.write(report, out);
            }
            return EXIT_OK;
        } catch (UnreadableRecordingException e) {
            err.println(PREFIX + e.getMessage());
            return EXIT_UNREADABLE;
        } catch (OutOfMemoryError e) {
            // what the reader held is unreachable once we are here, so printing one line is possible again
            err.println(PREFIX + "not enough memory to summarize " + arguments.recording() + " (the JVM's maximum heap is "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); run it with more, e.g. java -Xmx2g -jar"
                    + " ringwatch-agent.jar report ...");
            return EXIT_OUT_OF_MEMORY;
        } catch (RuntimeException e) {
            // a bug in the report, not in the file: still one line, with what is needed to report it
            err.println(PREFIX + "could not summarize " + arguments.recording() + ": internal error " + e
                    + " (please report it with the recording)");
            return EXIT_UNREADABLE;
        }
    }
}
