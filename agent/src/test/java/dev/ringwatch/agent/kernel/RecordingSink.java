package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakText;
import dev.ringwatch.agent.finding.Rule;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keeps every alert and fault line, for assertions. */
final class RecordingSink implements AlertSink {
    final List<Alert> alerts = new ArrayList<>();
    final List<String> faults = new ArrayList<>();
    /** How the reconciler words this sink's alerts; a test may set its own. */
    volatile LeakText wording = LeakText.PLAIN;

    @Override
    public synchronized void report(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public LeakText wording() {
        return wording;
    }

    @Override
    public synchronized void fault(String line) {
        faults.add(line);
    }

    synchronized List<Alert> of(Rule rule) {
        return alerts.stream().filter(a -> a.rule() == rule).toList();
    }

    /** The findings of one type. */
    synchronized <F extends Finding> List<F> findings(Class<F> type) {
        return alerts.stream().map(Alert::finding).filter(type::isInstance).map(type::cast).toList();
    }

    /** The one finding of {@code type}: fails, listing all this sink holds, unless there is exactly one. */
    <F extends Finding> F only(Class<F> type) {
        List<F> found = findings(type);
        assertEquals(1, found.size(), toString());
        return found.getFirst();
    }

    synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    synchronized List<String> faults() {
        return List.copyOf(faults);
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder();
        alerts.forEach(a -> b.append("\n  ").append(a.logLine()));
        faults.forEach(f -> b.append("\n  ").append(f));
        return b.length() == 0 ? "(nothing)" : b.toString();
    }
}
