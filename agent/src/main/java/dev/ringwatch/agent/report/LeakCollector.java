package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.LeakExample;
import dev.ringwatch.agent.report.RecordingReport.LeakSite;
import dev.ringwatch.agent.report.RecordingReport.Leaks;
import dev.ringwatch.agent.report.RecordingReport.ReasonCount;
import dev.ringwatch.agent.report.RecordingReport.ValueCount;
import dev.ringwatch.agent.report.RingTimelineCollector.RingRecord;
import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Groups the leak events (RingLeak, FileSlotLeak, SqpollThreadLeak) by creation stack: the question
 * after an incident is "which code leaks", and one site leaking a thousand rings is one bug.
 * Severe sites (a kernel SQPOLL thread leaks too) come first, then the sites with most leaks.
 */
final class LeakCollector {

    static final String SOURCE_CAPTURED = "creationStack";
    static final String SOURCE_RING_CREATED = "RingCreated";
    static final String SOURCE_NONE = "none";

    /** One leak event, as read; resolved against the ring directory only when the report is built. */
    private record Leak(
            String kind,
            String reason,
            boolean severe,
            long ringId,
            int ringFd,
            Integer slot,
            Integer fd,
            String file,
            Integer sqThreadTid,
            String setupFlags,
            String ownerClass,
            String creatingThread,
            Long ageNanos,
            String creationStack,
            Instant detectedAt,
            long order) {
    }

    /** A leak with the stack and context it is grouped under. */
    private record Resolved(Leak leak, String stack, String source, String setupFlags, String ownerClass) {
    }

    private static final Comparator<Resolved> DETECTION_ORDER =
            Comparator.comparing((Resolved r) -> r.leak().detectedAt()).thenComparingLong(r -> r.leak().order());

    private static final Comparator<LeakSite> IMPORTANCE = Comparator
            .comparing(LeakSite::severe).reversed()
            .thenComparing(Comparator.comparingInt(LeakSite::count).reversed())
            .thenComparing(site -> site.ageMaxNanos() == null ? Long.MIN_VALUE : -site.ageMaxNanos())
            .thenComparing(LeakSite::stack);

    private final List<Leak> leaks = new ArrayList<>();
    /** Thousands of leaks from one site carry the same stack text: keep one copy. */
    private final Map<String, String> stacks = new HashMap<>();

    private String stack(RecordedEvent e) {
        return stacks.computeIfAbsent(EventFields.string(e, "creationStack"), s -> s);
    }

    void ringLeak(RecordedEvent e, long order) {
        leaks.add(new Leak(EventFields.kind(e), EventFields.string(e, "reason"), EventFields.bool(e, "severe"),
                EventFields.longValue(e, "ringId", 0), EventFields.intValue(e, "ringFd", -1),
                null, null, null, EventFields.intValue(e, "sqThreadTid", -1),
                EventFields.string(e, "setupFlags"), EventFields.string(e, "ownerClass"),
                EventFields.string(e, "creatingThread"), EventFields.nanos(e, "age"),
                stack(e), e.getStartTime(), order));
    }

    void fileSlotLeak(RecordedEvent e, long order) {
        leaks.add(new Leak(EventFields.kind(e), EventFields.string(e, "reason"), false,
                EventFields.longValue(e, "ringId", 0), EventFields.intValue(e, "ringFd", -1),
                EventFields.intValue(e, "slot", -1), EventFields.intValue(e, "fd", -1),
                EventFields.string(e, "file"), null, "", EventFields.string(e, "ownerClass"),
                EventFields.string(e, "creatingThread"), EventFields.nanos(e, "age"),
                stack(e), e.getStartTime(), order));
    }

    /** A leaked SQPOLL thread is always severe: it is a kernel thread that lives until the process exits. */
    void sqpollThreadLeak(RecordedEvent e, long order) {
        leaks.add(new Leak(EventFields.kind(e), EventFields.string(e, "reason"), true,
                EventFields.longValue(e, "ringId", 0), EventFields.intValue(e, "ringFd", -1),
                null, null, null, EventFields.intValue(e, "sqThreadTid", -1),
                EventFields.string(e, "setupFlags"), EventFields.string(e, "ownerClass"),
                EventFields.string(e, "creatingThread"), null,
                stack(e), e.getStartTime(), order));
    }

    /** Ring ids named by a RingLeak. */
    Set<Long> leakedRings() {
        Set<Long> ids = new HashSet<>();
        for (Leak leak : leaks) {
            if (isRingLeak(leak)) {
                ids.add(leak.ringId());
            }
        }
        return ids;
    }

    Leaks build(Function<Long, RingRecord> rings, int top) {
        Map<String, List<Resolved>> bySite = new LinkedHashMap<>();
        for (Leak leak : leaks) {
            Resolved resolved = resolve(leak, rings.apply(leak.ringId()));
            bySite.computeIfAbsent(resolved.stack(), k -> new ArrayList<>()).add(resolved);
        }
        List<LeakSite> sites = bySite.values().stream().map(LeakCollector::site).sorted(IMPORTANCE).toList();
        int severe = (int) leaks.stream().filter(Leak::severe).count();
        return new Leaks(leaks.size(), severe, Listings.first(sites, top));
    }

    /**
     * Fills what the leak event left empty from the ring's RingCreated: its flags, its owner, and for
     * ring and thread leaks its JFR creation stack (the slot of a slot leak was registered elsewhere,
     * so a slot leak never borrows the ring's stack).
     */
    private static Resolved resolve(Leak leak, RingRecord ring) {
        String stack = leak.creationStack();
        String source = SOURCE_CAPTURED;
        if (stack.isBlank()) {
            boolean ringStackApplies = !leak.kind().equals(kindOf(FileSlotLeakEvent.NAME));
            if (ringStackApplies && ring != null && !ring.creationStack.isEmpty()) {
                stack = ring.creationStack;
                source = SOURCE_RING_CREATED;
            } else {
                stack = "";
                source = SOURCE_NONE;
            }
        }
        String flags = leak.setupFlags().isEmpty() && ring != null ? ring.setupFlags : leak.setupFlags();
        String owner = leak.ownerClass();
        if (owner.isEmpty() && ring != null && !leak.kind().equals(kindOf(FileSlotLeakEvent.NAME))) {
            owner = ring.ownerClass;
        }
        return new Resolved(leak, stack, source, flags, owner);
    }

    private static LeakSite site(List<Resolved> group) {
        group.sort(DETECTION_ORDER);
        Map<ReasonKey, Integer> reasons = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        Map<String, Integer> owners = new LinkedHashMap<>();
        Map<String, Integer> threads = new LinkedHashMap<>();
        Distribution.Samples ages = new Distribution.Samples();
        Set<String> sources = new TreeSet<>();
        boolean severe = false;
        for (Resolved r : group) {
            Leak leak = r.leak();
            reasons.merge(new ReasonKey(leak.kind(), leak.reason()), 1, Integer::sum);
            if (!r.setupFlags().isEmpty()) {
                flags.add(r.setupFlags());
            }
            if (!r.ownerClass().isEmpty()) {
                owners.merge(r.ownerClass(), 1, Integer::sum);
            }
            if (!leak.creatingThread().isEmpty()) {
                threads.merge(leak.creatingThread(), 1, Integer::sum);
            }
            if (leak.ageNanos() != null) {
                ages.add(leak.ageNanos());
            }
            sources.add(r.source());
            severe |= leak.severe();
        }
        Resolved first = group.get(0);
        String stack = first.stack();
        Distribution age = ages.distribution();
        return new LeakSite(
                CreationStacks.site(stack),
                CreationStacks.topFrames(stack, CreationStacks.TOP_FRAMES),
                stack,
                sources.size() == 1 ? sources.iterator().next() : String.join("+", sources),
                severe,
                group.size(),
                reasons.entrySet().stream()
                        .map(e -> new ReasonCount(e.getKey().kind(), e.getKey().reason(), e.getValue()))
                        .sorted(Comparator.comparingInt(ReasonCount::count).reversed()
                                .thenComparing(ReasonCount::kind).thenComparing(ReasonCount::reason))
                        .toList(),
                List.copyOf(flags),
                Distribution.min(age), Distribution.median(age), Distribution.max(age),
                counted(owners),
                counted(threads),
                example(first.leak()),
                first.leak().detectedAt(),
                group.get(group.size() - 1).leak().detectedAt());
    }

    private record ReasonKey(String kind, String reason) {
    }

    static List<ValueCount> counted(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> new ValueCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value))
                .toList();
    }

    private static LeakExample example(Leak leak) {
        return new LeakExample(leak.kind(), leak.detectedAt(), leak.ringId(), leak.ringFd(), leak.slot(), leak.fd(),
                leak.file(), leak.sqThreadTid());
    }

    private static boolean isRingLeak(Leak leak) {
        return leak.kind().equals(kindOf(RingLeakEvent.NAME));
    }

    static String kindOf(String eventName) {
        return eventName.substring(RecordingReader.PREFIX.length());
    }
}
