package dev.ringwatch.sample.cli;

import java.io.PrintStream;

/**
 * The optional pause at the end of the leaking programs. An attached agent finds dropped owners
 * through the garbage collector and compares its model with /proc periodically: a program that exits
 * at once may give it no chance to do either. A real program would collect garbage on its own.
 */
public final class Linger {
    private static final String OPTION = "linger-ms";

    private Linger() {
    }

    /** Adds {@code --linger-ms}, the pause {@link #linger(PrintStream, ParsedOptions)} makes, to {@code o}. */
    public static Options option(Options o) {
        return o.intOption(OPTION, "MS", 0, 0, 600_000,
                "at the end, request a GC and wait this long with the leaks in place");
    }

    /** Lingers as long as the {@link #option(Options)} says. */
    public static void linger(PrintStream out, ParsedOptions o) throws InterruptedException {
        linger(out, o.intValue(OPTION));
    }

    public static void linger(PrintStream out, int millis) throws InterruptedException {
        if (millis <= 0) {
            return;
        }
        out.println("lingering " + millis + " ms with the leaks in place (a GC is requested first) so an attached"
                + " agent can report them");
        out.flush();
        System.gc();
        Thread.sleep(millis);
    }
}
