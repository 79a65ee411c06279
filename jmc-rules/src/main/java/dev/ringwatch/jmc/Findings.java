package dev.ringwatch.jmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;

/** The events of one kind of finding, with what a summary says about them: count, reasons, ages, sites. */
final class Findings {
    private final List<RecordedEvent> events;

    private Findings(List<RecordedEvent> events) {
        this.events = events;
    }

    static Findings of(IItemCollection items, String typeId) {
        return new Findings(RecordedEvent.all(items, typeId));
    }

    Findings where(Predicate<RecordedEvent> filter) {
        return new Findings(events.stream().filter(filter).toList());
    }

    Findings without(Predicate<RecordedEvent> filter) {
        return where(filter.negate());
    }

    int count() {
        return events.size();
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** The largest value of a timespan field, e.g. the oldest leaked ring's age, for display; empty if none. */
    Optional<String> largest(String field) {
        IQuantity max = null;
        for (RecordedEvent e : events) {
            IQuantity q = e.quantity(field);
            if (q != null && (max == null || q.compareTo(max) > 0)) {
                max = q;
            }
        }
        return Optional.ofNullable(max).map(q -> q.displayUsing(IDisplayable.AUTO));
    }

    /** How many findings give each value of a text field, e.g. {@code 2 owner gone, 1 closed but still mapped}. */
    String countsBy(String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedEvent e : events) {
            String value = e.text(field);
            counts.merge(value.isEmpty() ? "unknown" : value, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((value, n) -> parts.add(n + " " + value));
        return String.join(", ", parts);
    }

    /**
     * The count, reasons and oldest age as a sentence, e.g. {@code 2 SQPOLL rings leaked (2 owner gone), the
     * oldest 1.3 s old.}; {@code one} and {@code many} name the resource, {@code qualifier} may follow them.
     */
    String leakedSentence(String one, String many, String qualifier) {
        StringBuilder sentence = new StringBuilder(plural(count(), one, many)).append(qualifier)
                .append(" leaked (").append(countsBy("reason")).append(")");
        largest("age").ifPresent(age -> sentence.append(", the oldest ").append(age).append(" old"));
        return sentence.append(".").toString();
    }

    /** The top creation site as a sentence, e.g. {@code Top creation site: a.B.open(B.java:17) (2 of 3).} */
    String topSiteSentence() {
        List<String> stacks = events.stream().map(e -> e.text("creationStack")).filter(s -> !s.isBlank()).toList();
        return CreationSites.top(stacks)
                .map(site -> "Top creation site: " + site.frame() + " (" + site.count() + " of " + count() + ").")
                .orElse("The agent captured no creation stack for them.");
    }

    /** {@code 1 ring} or {@code 3 rings}. */
    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
