package dev.ringwatch.agent.config;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * The agent's settings after parsing (see OPTIONS.md for the user-facing table).
 *
 * @param jsonLog file to append one JSON object per alert to, or null
 * @param jfr     file the agent's own JFR recording (ringwatch.jfc) is written to at exit, or null
 */
public record AgentOptions(
        boolean enabled,
        SlotStacks slotStacks,
        int sampleInterval,
        int stackDepth,
        int maxTracked,
        boolean reclaim,
        Path jsonLog,
        Path jfr,
        Level logLevel,
        boolean jmx,
        boolean exitSummary) {

    public static AgentOptions defaults() {
        return new OptionParser().defaults();
    }
}
