package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.LeakSite;
import dev.ringwatch.agent.report.RecordingReport.Leaks;
import dev.ringwatch.agent.report.RingTimelineCollector.RingRecord;
import dev.ringwatch.agent.report.SiteTotals.Leak;
import dev.ringwatch.jfr.FileSlotLeakEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Groups the leak events (RingLeak, FileSlotLeak, SqpollThreadLeak, RingPileUp) by creation stack: the question
 * after an incident is "which code leaks", and one site leaking a thousand rings is one bug.
 * Severe sites (a kernel SQPOLL thread leaks too) come first, then the sites with most leaks.
 *
 * <p>Each leak is added to its site's totals as it is read (a recording may hold millions). A leak that
 * needs its ring's RingCreated (for the flags, the owner or, without a captured stack, the creation
 * stack) before that event was read waits, up to {@link #MAX_WAITING}, until the end of the recording.
 */
final class LeakCollector {

    static final String SOURCE_CAPTURED = "creationStack";
    static final String SOURCE_RING_CREATED = "RingCreated";
    static final String SOURCE_NONE = "none";
    /** The reason a RingPileUp leak is counted under. */
    static final String PILED_UP = "piled up, none closed";
    /** Leaks kept whole until the end because their ring was not known yet; later ones go without it. */
    static final int MAX_WAITING = 10_000;
    /** Leaked ring ids remembered for rings whose RingCreated was not read yet; beyond, not marked leaked. */
    static final int MAX_LEAKED_IDS = 100_000;

    private static final Comparator<LeakSite> IMPORTANCE = Comparator
            .comparing(LeakSite::severe).reversed()
            .thenComparing(Comparator.comparingInt(LeakSite::count).reversed())
            .thenComparing(site -> site.ageMaxNanos() == null ? Long.MIN_VALUE : -site.ageMaxNanos())
            .thenComparing(LeakSite::stack);

    private final LongFunction<RingRecord> rings;
    private final Map<String, SiteTotals> sites = new HashMap<>();
    private final List<Leak> waiting = new ArrayList<>();
    private final List<String> waitingStacks = new ArrayList<>();
    private final Set<Long> leakedIdsNotSeen = new HashSet<>();
    private int total;
    private int severe;

    /** @param rings the ring directory as read so far (RingCreated, RingClosed) */
    LeakCollector(LongFunction<RingRecord> rings) {
        this.rings = rings;
    }

    void ringLeak(RecordedEvent e, long order) {
        long ringId = EventFields.longValue(e, "ringId", 0);
        RingRecord ring = rings.apply(ringId);
        if (ring != null) {
            ring.leaked = true;
        } else if (leakedIdsNotSeen.size() < MAX_LEAKED_IDS) {
            leakedIdsNotSeen.add(ringId);
        }
        add(new Leak(EventFields.kind(e), EventFields.string(e, "reason"), EventFields.bool(e, "severe"),
                ringId, EventFields.intValue(e, "ringFd", -1), null, null, null,
                EventFields.intValue(e, "sqThreadTid", -1), EventFields.string(e, "setupFlags"),
                EventFields.string(e, "ownerClass"), EventFields.string(e, "creatingThread"),
                EventFields.nanos(e, "age"), e.getStartTime(), order, SOURCE_CAPTURED),
                EventFields.string(e, "creationStack"));
    }

    void fileSlotLeak(RecordedEvent e, long order) {
        add(new Leak(EventFields.kind(e), EventFields.string(e, "reason"), false,
                EventFields.longValue(e, "ringId", 0), EventFields.intValue(e, "ringFd", -1),
                EventFields.intValue(e, "slot", -1), EventFields.intValue(e, "fd", -1),
                EventFields.string(e, "file"), null, "", EventFields.string(e, "ownerClass"),
                EventFields.string(e, "creatingThread"), EventFields.nanos(e, "age"), e.getStartTime(), order,
                SOURCE_CAPTURED), EventFields.string(e, "creationStack"));
    }

    /** A leaked SQPOLL thread is always severe: it is a kernel thread that lives until the process exits. */
    void sqpollThreadLeak(RecordedEvent e, long order) {
        add(new Leak(EventFields.kind(e), EventFields.string(e, "reason"), true,
                EventFields.longValue(e, "ringId", 0), EventFields.intValue(e, "ringFd", -1),
                null, null, null, EventFields.intValue(e, "sqThreadTid", -1),
                EventFields.string(e, "setupFlags"), EventFields.string(e, "ownerClass"),
                EventFields.string(e, "creatingThread"), null, e.getStartTime(), order, SOURCE_CAPTURED),
                EventFields.string(e, "creationStack"));
    }

    /**
     * A pile-up is a leak of its creation site (rings made there pile up, none closed): one per site, severe when
     * the open rings hold SQPOLL threads; its age is the oldest open ring's.
     */
    void ringPileUp(RecordedEvent e, long order) {
        add(new Leak(EventFields.kind(e), PILED_UP, EventFields.intValue(e, "sqpollThreads", 0) > 0, 0, -1, null,
                null, null, null, "", "", EventFields.string(e, "creatingThread"), EventFields.nanos(e, "oldestAge"),
                e.getStartTime(), order, SOURCE_CAPTURED), EventFields.string(e, "creationSite"));
    }

    /** True when a RingLeak named this ring (call after the whole recording was read). */
    boolean leaked(RingRecord ring) {
        return ring.leaked || leakedIdsNotSeen.contains(ring.ringId);
    }

    private void add(Leak leak, String stack) {
        total++;
        if (leak.severe()) {
            severe++;
        }
        RingRecord ring = rings.apply(leak.ringId());
        if (ring == null && needsRing(leak, stack) && waiting.size() < MAX_WAITING) {
            waiting.add(leak);
            waitingStacks.add(stack);
            return;
        }
        addResolved(leak, stack, ring);
    }

    private static boolean needsRing(Leak leak, String stack) {
        return stack.isBlank() || leak.setupFlags().isEmpty() || leak.ownerClass().isEmpty();
    }

    /**
     * Fills what the leak event left empty from the ring's RingCreated: its flags, its owner, and for
     * ring and thread leaks its JFR creation stack (the slot of a slot leak was registered elsewhere,
     * so a slot leak never borrows the ring's stack).
     */
    private void addResolved(Leak leak, String capturedStack, RingRecord ring) {
        boolean slotLeak = leak.kind().equals(kindOf(FileSlotLeakEvent.NAME));
        String stack = capturedStack;
        String source = SOURCE_CAPTURED;
        if (stack.isBlank()) {
            if (!slotLeak && ring != null && !ring.creationStack.isEmpty()) {
                stack = ring.creationStack;
                source = SOURCE_RING_CREATED;
            } else {
                stack = "";
                source = SOURCE_NONE;
            }
        }
        String flags = leak.setupFlags().isEmpty() && ring != null ? ring.setupFlags : leak.setupFlags();
        String owner = leak.ownerClass();
        if (owner.isEmpty() && ring != null && !slotLeak) {
            owner = ring.ownerClass;
        }
        Leak resolved = new Leak(leak.kind(), leak.reason(), leak.severe(), leak.ringId(), leak.ringFd(), leak.slot(),
                leak.fd(), leak.file(), leak.sqThreadTid(), flags, owner, leak.creatingThread(), leak.ageNanos(),
                leak.detectedAt(), leak.order(), source);
        sites.computeIfAbsent(stack, SiteTotals::new).add(resolved);
    }

    Leaks build(int top) {
        for (int i = 0; i < waiting.size(); i++) {
            Leak leak = waiting.get(i);
            addResolved(leak, waitingStacks.get(i), rings.apply(leak.ringId()));
        }
        waiting.clear();
        waitingStacks.clear();
        List<LeakSite> ordered = sites.values().stream().map(SiteTotals::site).sorted(IMPORTANCE).toList();
        return new Leaks(total, severe, Listings.first(ordered, top));
    }

    static String kindOf(String eventName) {
        return eventName.substring(RecordingReader.PREFIX.length());
    }
}
