package dev.ringwatch.agent;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.OptionParser;
import dev.ringwatch.agent.log.AgentLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The one INFO line that says the agent runs: its version, how it was loaded, what it watches and the options
 * that differ from the defaults, so that a clean (silent) run can be told from a run without the agent.
 * {@link AgentLog#startLine} holds it until the agent's first other line, its thread's first housekeeping or
 * the exit, so that it comes first and premain does not initialise the logging backend for it.
 */
final class StartLine {
    private StartLine() {
    }

    /** The line's text. {@code ringCore}: ring-core's rings are instrumented (JDK 25+). */
    static String text(String version, boolean attached, int jdk, boolean ringCore, AgentOptions o,
                       List<String> changed) {
        List<String> watched = new ArrayList<>();
        if (ringCore) {
            watched.add("ring-core's rings and fixed-file slots");
        }
        watched.add("Netty's io_uring rings");
        StringBuilder sb = new StringBuilder("ringwatch ").append(version == null ? "(unknown version)" : version)
                .append(" started (").append(attached ? "attached" : "-javaagent").append(", JDK ").append(jdk)
                .append("): watching ").append(String.join(" and ", watched));
        if (o.reconcile()) {
            sb.append(", checked against /proc every ").append(OptionParser.durationText(o.reconcilePeriod()));
        } else {
            sb.append(", not checked against /proc (reconcile=false)");
        }
        sb.append("; options: ").append(changed.isEmpty() ? "all defaults" : String.join(", ", changed));
        return sb.toString();
    }

    /** The start line for these parsed options, the agent jar's version and this JVM. */
    static String of(OptionParser.Parsed parsed, boolean attached, boolean ringCore) {
        Package p = StartLine.class.getPackage();
        return text(p == null ? null : p.getImplementationVersion(), attached, Runtime.version().feature(), ringCore,
                parsed.options(), parsed.changed());
    }
}
