package dev.ringwatch.agent;

import dev.ringwatch.agent.cli.AttachCommand;
import dev.ringwatch.agent.config.OptionParser;
import dev.ringwatch.agent.report.ReportCommand;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar ringwatch-agent.jar <command>}: {@code report} (a recording), {@code list} (attachable
 * JVMs), {@code attach} (load the agent into one). Needs the JDK 25 {@code java}: the attach API is in the JDK.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "report" -> ReportCommand.run(rest, out, err);
                case "list" -> AttachCommand.list(rest, out, err);
                case "attach" -> AttachCommand.attach(rest, out, err);
                default -> {
                    err.println("ringwatch: unknown command '" + args[0] + "' (commands: report, list, attach)");
                    err.print(usage());
                    yield 2;
                }
            };
        } catch (LinkageError noAttachApi) {
            err.println("ringwatch: " + args[0] + " needs the JDK's jdk.attach module (" + noAttachApi
                    + "); run it with the JDK 25 java, not a JRE");
            return 1;
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("ringwatch agent: tracks io_uring rings and fixed-file slots made through ring-core and reports\n")
          .append("the ones that leak (log lines starting 'ringwatch LEAK', JFR events, JMX).\n\n")
          .append("Commands (java must be the JDK 25 one):\n")
          .append("  java -jar ringwatch-agent.jar report <recording.jfr> [--json] [--top N]\n")
          .append("      what ringwatch saw in a JFR recording: leaks by creation site, kernel findings, timeline\n")
          .append("  java -jar ringwatch-agent.jar list\n")
          .append("      the JVMs of this user the agent can be attached to: pid and main class\n")
          .append("  java -jar ringwatch-agent.jar attach <pid> [key=value,...]\n")
          .append("      loads the agent into a running JVM (rings that exist already are adopted, not reported)\n\n")
          .append("As an agent:\n")
          .append("  java -javaagent:ringwatch-agent.jar[=key=value,key=value...] -cp <app> <main class>\n")
          .append("  options also as -Dringwatch.<key>=<value>, or a JSON file: config=<path>\n")
          .append("  precedence, lowest first: defaults, config file, agent argument, -Dringwatch.<key>\n\n")
          .append("Options:\n");
        for (OptionParser.Spec s : OptionParser.specs()) {
            sb.append(String.format("  %-15s %-36s default %s%n      %s%n", s.key(), s.choices(),
                    s.defaultValue().isEmpty() ? "(none)" : s.defaultValue(), s.description()));
        }
        return sb.toString();
    }
}
