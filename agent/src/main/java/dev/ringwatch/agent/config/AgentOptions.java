package dev.ringwatch.agent.config;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The agent's settings after parsing (see OPTIONS.md for the user-facing table).
 *
 * @param jsonLog file to append one JSON object per alert to, or null
 * @param jfr     file the agent's own JFR recording (ringwatch.jfc) is written to at exit, or null
 * @param reconcile       run the kernel reconciler (compares the tracker with /proc once per reconcilePeriod)
 * @param driftThreshold least unexplained rise of the kernel's {@code sockets: used} that counts as socket drift
 * @param logBurst       leak lines logged in full per rule and creation site within one {@code logPeriod}; the
 *                       rest of the period's are summarised in one line
 * @param pileUpThreshold more open rings than this from one creation site, still growing, is a ring pile-up
 * @param pileUpWindow    time between two counts of open rings per creation site
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
        boolean exitSummary,
        boolean reconcile,
        Duration reconcilePeriod,
        Duration stallGrace,
        int driftThreshold,
        int logBurst,
        Duration logPeriod,
        int pileUpThreshold,
        Duration pileUpWindow) {

    /** The options without the log limits and the pile-up rule's settings (those keep their defaults). */
    public AgentOptions(boolean enabled, SlotStacks slotStacks, int sampleInterval, int stackDepth, int maxTracked,
                        boolean reclaim, Path jsonLog, Path jfr, Level logLevel, boolean jmx, boolean exitSummary,
                        boolean reconcile, Duration reconcilePeriod, Duration stallGrace, int driftThreshold) {
        this(enabled, slotStacks, sampleInterval, stackDepth, maxTracked, reclaim, jsonLog, jfr, logLevel, jmx,
                exitSummary, reconcile, reconcilePeriod, stallGrace, driftThreshold, 5, Duration.ofSeconds(5),
                16, Duration.ofSeconds(1));
    }

    /** The options without the reconciler's settings (those keep their defaults). */
    public AgentOptions(boolean enabled, SlotStacks slotStacks, int sampleInterval, int stackDepth, int maxTracked,
                        boolean reclaim, Path jsonLog, Path jfr, Level logLevel, boolean jmx, boolean exitSummary) {
        this(enabled, slotStacks, sampleInterval, stackDepth, maxTracked, reclaim, jsonLog, jfr, logLevel, jmx,
                exitSummary, true, Duration.ofSeconds(5), Duration.ofSeconds(10), 64);
    }

    public static AgentOptions defaults() {
        return new OptionParser().defaults();
    }
}
