package dev.ringwatch.agent.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code ringwatch report} found in one recording: the model both renderers (text and JSON) print.
 * The JSON document is this record serialized as is, so component names are the JSON field names
 * (documented in agent/REPORT.md); renaming one is a format change.
 *
 * <p>Conventions: times are {@link Instant}s (ISO-8601 in JSON), durations are {@code long}
 * nanoseconds in components ending in {@code Nanos}, values that were not known are {@code null},
 * and a {@link Listing} holds the first items of a longer list together with its full size.
 */
public record RecordingReport(
        String format,
        RecordingInfo recording,
        Leaks leaks,
        KernelFindings kernel,
        Timeline timeline,
        Statistics statistics,
        ExitSummary openAtExit) {

    /** Value of {@link #format}: bumped when a field is renamed or changes meaning. */
    public static final String FORMAT = "ringwatch-report/1";

    /** The first {@code items} of a list ordered most important first, and how many there were in all. */
    public record Listing<T>(int total, List<T> items) {
        public Listing {
            items = List.copyOf(items);
        }

        /** How many were left out of {@link #items}. */
        public int more() {
            return total - items.size();
        }
    }

    /** A value and how often it occurred. */
    public record ValueCount(String value, int count) {
    }

    /** The file, its time span, the JVM that wrote it, and how many events of each ringwatch type it holds. */
    public record RecordingInfo(
            String file,
            long sizeBytes,
            Instant start,
            Instant end,
            Long durationNanos,
            JvmInfo jvm,
            Map<String, Long> eventCounts,
            long ringwatchEvents,
            long totalEvents) {
    }

    /** From the recording's jdk.JVMInformation event. */
    public record JvmInfo(Instant startTime, String version, long pid, String javaArguments) {
    }

    /** Leak events (RingLeak, FileSlotLeak, SqpollThreadLeak, RingPileUp) grouped by where the leaked resource was created. */
    public record Leaks(int total, int severe, Listing<LeakSite> sites) {
    }

    /**
     * All leaks whose creation stack is the same string.
     *
     * @param site          first frame outside ringwatch (ring-core, agent, stack capture); null if no stack
     * @param topFrames     up to {@link CreationStacks#TOP_FRAMES} frames from {@code site} on
     * @param stack         the full creation stack, the group's key; empty when none was recorded
     * @param stackSource   {@code creationStack} (captured by the agent), {@code RingCreated} (the JFR
     *                      stack trace of the ring's creation event), or {@code none}
     * @param severe        some leak here also keeps a kernel SQPOLL thread alive
     * @param setupFlags    distinct setup flags of the rings involved
     */
    public record LeakSite(
            String site,
            List<String> topFrames,
            String stack,
            String stackSource,
            boolean severe,
            int count,
            List<ReasonCount> reasons,
            List<String> setupFlags,
            Long ageMinNanos,
            Long ageMedianNanos,
            Long ageMaxNanos,
            List<ValueCount> ownerClasses,
            List<ValueCount> creatingThreads,
            LeakExample example,
            Instant firstDetected,
            Instant lastDetected) {
    }

    /** How many leaks of one event type had one reason. {@code kind} is the event name without {@code dev.ringwatch.}. */
    public record ReasonCount(String kind, String reason, int count) {
    }

    /** One leak of a site, to look up: the earliest detected. Fields that do not apply to its kind are null. */
    public record LeakExample(
            String kind,
            Instant detectedAt,
            long ringId,
            int ringFd,
            Integer slot,
            Integer fd,
            String file,
            Integer sqThreadTid) {
    }

    /** What the agent learned from the kernel rather than from the application's calls. */
    public record KernelFindings(
            Listing<SqpollThreadFinding> sqpollThreads,
            Listing<StalledReleaseFinding> stalledReleases,
            InFlightOp oldestInFlight,
            Listing<SocketDriftFinding> socketDrift,
            Listing<UntrackedRingFinding> untrackedRings,
            Listing<UntrackedRingFinding> untrackedNotLeaks) {
    }

    /** A SqpollThreadLeak event. {@code site} is the ring's creation site when known. */
    public record SqpollThreadFinding(
            Instant at,
            int sqThreadTid,
            String threadName,
            String reason,
            long ringId,
            int ringFd,
            String setupFlags,
            long sinceCloseNanos,
            String site) {
    }

    /** A SlotReleaseStalled event. {@code tag} is the unsigned tag in decimal. */
    public record StalledReleaseFinding(
            Instant at,
            long ringId,
            int ringFd,
            int slot,
            String tag,
            String file,
            long stalledForNanos,
            String oldestInFlight,
            long oldestInFlightAgeNanos,
            int pendingReleases) {
    }

    /** The longest-running fixed-file operation any stall named: the usual culprit on kernels before 6.13. */
    public record InFlightOp(String operation, long ringId, long ageNanos, Instant at) {
    }

    /** A SocketDrift event; {@code growth} is socketsUsedEnd - socketsUsedStart. */
    public record SocketDriftFinding(
            Instant at,
            long windowNanos,
            long socketsUsedStart,
            long socketsUsedEnd,
            long growth,
            int socketFdsStart,
            int socketFdsEnd,
            int slotHeldSocketsStart,
            int slotHeldSocketsEnd,
            int unheldSockets) {
    }

    /** An UntrackedRing event. */
    public record UntrackedRingFinding(Instant at, int ringFd, int sqThreadTid, int occupiedSlots, String fdinfo) {
        /** As the agent decided it: a leak only when it holds an SQPOLL thread or occupied slots. */
        public boolean isLeak() {
            return sqThreadTid > 0 || occupiedSlots > 0;
        }

    }

    /** Ring and slot life cycles as the recording saw them. */
    public record Timeline(RingActivity rings, SlotActivity slots) {
    }

    /**
     * Rings over time, from RingCreated and RingClosed in time order.
     *
     * @param openBeforeRecording rings closed in the recording without a RingCreated in it: they were
     *                            already open at its start and count toward {@code peakLive}
     * @param peakLive            most rings open at once; rings open at the start and never closed are
     *                            invisible here (RingStatistics.liveRings has them)
     * @param openAtEnd           rings created in the recording and not closed in it
     */
    public record RingActivity(
            int created,
            int closed,
            int openBeforeRecording,
            int peakLive,
            Instant peakAt,
            int openAtEnd,
            Listing<OpenRing> stillOpen) {
    }

    /** A ring created and not closed within the recording, oldest first. {@code leaked}: a RingLeak names it. */
    public record OpenRing(
            long ringId,
            int ringFd,
            String setupFlags,
            String ownerClass,
            Instant createdAt,
            long openForNanos,
            boolean leaked,
            String site) {
    }

    /**
     * FileSlotUpdated actions.
     *
     * @param recorded             the recording had FileSlotUpdated on (it is off in ringwatch.jfc): without it
     *                             every count here is 0 whatever the program did
     * @param occupiedAtEnd        slots whose last action was a registration, on rings not closed in the recording
     * @param releasesUnconfirmed  releases on rings not closed in the recording whose drop the kernel never confirmed
     */
    public record SlotActivity(
            boolean recorded,
            long registered,
            long released,
            long dropConfirmed,
            int occupiedAtEnd,
            int releasesUnconfirmed,
            Long confirmationDelayMedianNanos,
            Long confirmationDelayMaxNanos) {
    }

    /** RingStatistics samples in time order. */
    public record Statistics(int samples, Instant first, Instant last, List<StatisticsField> fields) {
    }

    /**
     * One RingStatistics field over the samples. Negative values mean "could not be read" and are left
     * out of first/last/min/max; {@code unknownSamples} counts them. All null when every sample was unknown.
     */
    public record StatisticsField(
            String name,
            String label,
            Long first,
            Long last,
            Long min,
            Long max,
            int unknownSamples) {
    }

    /**
     * The last OpenAtExit event ({@code events} counts them: more than one means several JVM exits);
     * {@code summary} holds its lines, one per open ring.
     */
    public record ExitSummary(
            Instant at,
            int openRings,
            int sqpollRings,
            int occupiedSlots,
            int pendingReleases,
            Listing<String> summary,
            int events) {
    }
}
