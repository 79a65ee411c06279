package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.InFlightOp;
import dev.ringwatch.agent.report.RecordingReport.KernelFindings;
import dev.ringwatch.agent.report.RecordingReport.SocketDriftFinding;
import dev.ringwatch.agent.report.RecordingReport.SqpollThreadFinding;
import dev.ringwatch.agent.report.RecordingReport.StalledReleaseFinding;
import dev.ringwatch.agent.report.RecordingReport.UntrackedRingFinding;
import dev.ringwatch.agent.report.RingTimelineCollector.RingRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;

/**
 * What the agent's reconciler found in the kernel's view: SQPOLL threads that outlived their ring,
 * slot releases the kernel did not confirm, socket counts drifting, rings nobody tracks. Each list is
 * ordered most telling first (longest stall, largest drift) or by time where all weigh the same.
 */
final class KernelFindingsCollector {

    private record ThreadLeak(SqpollThreadFinding finding, String creationStack, long order) {
    }

    private final List<ThreadLeak> threads = new ArrayList<>();
    private final List<StalledReleaseFinding> stalls = new ArrayList<>();
    private final List<SocketDriftFinding> drifts = new ArrayList<>();
    private final List<UntrackedRingFinding> untracked = new ArrayList<>();

    void sqpollThreadLeak(RecordedEvent e, long order) {
        SqpollThreadFinding finding = new SqpollThreadFinding(e.getStartTime(),
                EventFields.intValue(e, "sqThreadTid", -1), EventFields.string(e, "threadName"),
                EventFields.string(e, "reason"), EventFields.longValue(e, "ringId", 0),
                EventFields.intValue(e, "ringFd", -1), EventFields.string(e, "setupFlags"),
                EventFields.nanos(e, "sinceClose"), null);
        threads.add(new ThreadLeak(finding, EventFields.string(e, "creationStack"), order));
    }

    void slotReleaseStalled(RecordedEvent e) {
        stalls.add(new StalledReleaseFinding(e.getStartTime(), EventFields.longValue(e, "ringId", 0),
                EventFields.intValue(e, "ringFd", -1), EventFields.intValue(e, "slot", -1),
                EventFields.unsigned(e, "tag"), EventFields.string(e, "file"), EventFields.nanos(e, "stalledFor"),
                EventFields.string(e, "oldestInFlight"), EventFields.nanos(e, "oldestInFlightAge"),
                EventFields.intValue(e, "pendingReleases", 0)));
    }

    void socketDrift(RecordedEvent e) {
        long start = EventFields.longValue(e, "socketsUsedStart", -1);
        long end = EventFields.longValue(e, "socketsUsedEnd", -1);
        drifts.add(new SocketDriftFinding(e.getStartTime(), EventFields.nanos(e, "window"), start, end,
                start < 0 || end < 0 ? 0 : end - start,
                EventFields.intValue(e, "socketFdsStart", -1), EventFields.intValue(e, "socketFdsEnd", -1),
                EventFields.intValue(e, "slotHeldSocketsStart", -1), EventFields.intValue(e, "slotHeldSocketsEnd", -1),
                EventFields.intValue(e, "unheldSockets", -1)));
    }

    void untrackedRing(RecordedEvent e) {
        untracked.add(new UntrackedRingFinding(e.getStartTime(), EventFields.intValue(e, "ringFd", -1),
                EventFields.intValue(e, "sqThreadTid", -1), EventFields.intValue(e, "occupiedSlots", -1),
                EventFields.string(e, "fdinfo")));
    }

    KernelFindings build(Function<Long, RingRecord> rings, int top) {
        List<SqpollThreadFinding> threadFindings = threads.stream()
                .sorted(Comparator.comparing((ThreadLeak t) -> t.finding().at()).thenComparingLong(ThreadLeak::order))
                .map(t -> withSite(t, rings.apply(t.finding().ringId())))
                .toList();
        List<StalledReleaseFinding> stallFindings = stalls.stream()
                .sorted(Comparator.comparingLong(StalledReleaseFinding::stalledForNanos).reversed()
                        .thenComparing(StalledReleaseFinding::at))
                .toList();
        List<SocketDriftFinding> driftFindings = drifts.stream()
                .sorted(Comparator.comparingLong(SocketDriftFinding::growth).reversed()
                        .thenComparing(SocketDriftFinding::at))
                .toList();
        List<UntrackedRingFinding> untrackedFindings = untracked.stream().filter(UntrackedRingFinding::isLeak)
                .sorted(Comparator.comparing(UntrackedRingFinding::at))
                .toList();
        List<UntrackedRingFinding> notLeaks = untracked.stream().filter(u -> !u.isLeak())
                .sorted(Comparator.comparing(UntrackedRingFinding::at))
                .toList();
        return new KernelFindings(Listings.first(threadFindings, top), Listings.first(stallFindings, top),
                oldestInFlight(), Listings.first(driftFindings, top), Listings.first(untrackedFindings, top),
                Listings.first(notLeaks, top));
    }

    /** The thread's ring's creation site: from the event's own stack, else from the ring's RingCreated. */
    private static SqpollThreadFinding withSite(ThreadLeak thread, RingRecord ring) {
        String stack = thread.creationStack();
        if (stack.isBlank() && ring != null) {
            stack = ring.creationStack;
        }
        SqpollThreadFinding f = thread.finding();
        String flags = f.setupFlags().isEmpty() && ring != null ? ring.setupFlags : f.setupFlags();
        return new SqpollThreadFinding(f.at(), f.sqThreadTid(), f.threadName(), f.reason(), f.ringId(), f.ringFd(),
                flags, f.sinceCloseNanos(), CreationStacks.site(stack));
    }

    private InFlightOp oldestInFlight() {
        StalledReleaseFinding oldest = null;
        for (StalledReleaseFinding stall : stalls) {
            if (!stall.oldestInFlight().isEmpty()
                    && (oldest == null || stall.oldestInFlightAgeNanos() > oldest.oldestInFlightAgeNanos())) {
                oldest = stall;
            }
        }
        return oldest == null ? null
                : new InFlightOp(oldest.oldestInFlight(), oldest.ringId(), oldest.oldestInFlightAgeNanos(), oldest.at());
    }
}
