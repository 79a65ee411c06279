package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.LeakExample;
import dev.ringwatch.agent.report.RecordingReport.LeakSite;
import dev.ringwatch.agent.report.RecordingReport.ReasonCount;
import dev.ringwatch.agent.report.RecordingReport.ValueCount;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the report prints about one creation site, added up leak by leak as the recording is read, so that
 * memory grows with the sites and the distinct values shown, never with the number of leaks.
 */
final class SiteTotals {
    /** Distinct owner classes, threads and flag sets counted per site; the rest add up under {@link #OTHERS}. */
    static final int DISTINCT_VALUES = 64;
    /** The value under which the leaks of the values beyond {@link #DISTINCT_VALUES} are counted. */
    static final String OTHERS = "(other values)";

    /** One leak, read and resolved: what a site needs of it. */
    record Leak(String kind, String reason, boolean severe, long ringId, int ringFd, Integer slot, Integer fd,
                String file, Integer sqThreadTid, String setupFlags, String ownerClass, String creatingThread,
                Long ageNanos, Instant detectedAt, long order, String source) {
    }

    private record ReasonKey(String kind, String reason) {
    }

    private final String stack;
    private int count;
    private boolean severe;
    private final Map<ReasonKey, Integer> reasons = new LinkedHashMap<>();
    private final Set<String> flags = new TreeSet<>();
    private final Map<String, Integer> owners = new LinkedHashMap<>();
    private final Map<String, Integer> threads = new LinkedHashMap<>();
    private final Distribution.Samples ages = new Distribution.Samples();
    private final Set<String> sources = new TreeSet<>();
    private Leak first;
    private Instant lastDetected;

    SiteTotals(String stack) {
        this.stack = stack;
    }

    void add(Leak leak) {
        count++;
        severe |= leak.severe();
        reasons.merge(new ReasonKey(leak.kind(), leak.reason()), 1, Integer::sum);
        if (!leak.setupFlags().isEmpty() && (flags.size() < DISTINCT_VALUES || flags.contains(leak.setupFlags()))) {
            flags.add(leak.setupFlags());
        }
        countValue(owners, leak.ownerClass());
        countValue(threads, leak.creatingThread());
        if (leak.ageNanos() != null) {
            ages.add(leak.ageNanos());
        }
        sources.add(leak.source());
        if (first == null || leak.detectedAt().isBefore(first.detectedAt())
                || leak.detectedAt().equals(first.detectedAt()) && leak.order() < first.order()) {
            first = leak;
        }
        if (lastDetected == null || leak.detectedAt().isAfter(lastDetected)) {
            lastDetected = leak.detectedAt();
        }
    }

    private static void countValue(Map<String, Integer> counts, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (counts.containsKey(value) || counts.size() < DISTINCT_VALUES) {
            counts.merge(value, 1, Integer::sum);
        } else {
            counts.merge(OTHERS, 1, Integer::sum);
        }
    }

    LeakSite site() {
        Distribution age = ages.distribution();
        return new LeakSite(
                CreationStacks.site(stack),
                CreationStacks.topFrames(stack, CreationStacks.TOP_FRAMES),
                stack,
                sources.size() == 1 ? sources.iterator().next() : String.join("+", sources),
                severe,
                count,
                reasons.entrySet().stream()
                        .map(e -> new ReasonCount(e.getKey().kind(), e.getKey().reason(), e.getValue()))
                        .sorted(Comparator.comparingInt(ReasonCount::count).reversed()
                                .thenComparing(ReasonCount::kind).thenComparing(ReasonCount::reason))
                        .toList(),
                List.copyOf(flags),
                Distribution.min(age), Distribution.median(age), Distribution.max(age),
                counted(owners),
                counted(threads),
                new LeakExample(first.kind(), first.detectedAt(), first.ringId(), first.ringFd(), first.slot(),
                        first.fd(), first.file(), first.sqThreadTid()),
                first.detectedAt(),
                lastDetected);
    }

    static List<ValueCount> counted(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> new ValueCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value))
                .toList();
    }
}
