package dev.ringwatch.sample.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The leaking programs' closing hint to run under the ringwatch agent: printed only when this JVM runs
 * without it, since under the agent its LEAK lines already say what the hint promises.
 */
public final class AgentHint {
    private AgentHint() {
    }

    /**
     * Prints "Run under -javaagent:... to have ringwatch {@code what}." unless this JVM was started with the
     * ringwatch agent.
     */
    public static void printUnlessUnderAgent(PrintStream out, String what) {
        if (!underAgent(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            out.println("Run under -javaagent:agent/target/ringwatch-agent.jar to have ringwatch " + what + ".");
        }
    }

    /** Whether JVM arguments {@code args} load the ringwatch agent ({@code -javaagent:...ringwatch-agent...jar}). */
    static boolean underAgent(List<String> args) {
        for (String a : args) {
            if (a.startsWith("-javaagent:")) {
                int end = a.indexOf('=');
                String jar = (end < 0 ? a : a.substring(0, end)).substring("-javaagent:".length());
                String name = jar.substring(Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\')) + 1);
                if (name.startsWith("ringwatch-agent") && name.endsWith(".jar")) {
                    return true;
                }
            }
        }
        return false;
    }
}
