package dev.ringwatch.agent;

import dev.ringwatch.agent.config.OptionParser;

/** {@code java -jar ringwatch-agent.jar}: how to use the agent (the command-line tools come later). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(usage());
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("ringwatch agent: tracks io_uring rings and fixed-file slots made through ring-core and reports\n")
          .append("the ones that outlive their owners (log lines starting 'ringwatch LEAK', JFR events, JMX).\n\n")
          .append("Usage:\n")
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
