package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.Statistics;
import dev.ringwatch.agent.report.RecordingReport.StatisticsField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;

/**
 * First, last, min and max of every numeric RingStatistics field. The fields are taken from the
 * recording's own event metadata, so a field a newer agent adds shows up without a change here.
 */
final class StatisticsCollector {

    private static final Set<String> JFR_FIELDS = Set.of("startTime", "duration", "eventThread", "stackTrace");
    private static final Set<String> NUMERIC_TYPES = Set.of("byte", "short", "int", "long");

    private record Sample(Instant at, long order, Map<String, Long> values) {
    }

    /** Field name to label, in the order the event type declares them. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    void ringStatistics(RecordedEvent event, long order) {
        Map<String, Long> values = new HashMap<>();
        for (ValueDescriptor field : event.getFields()) {
            if (!JFR_FIELDS.contains(field.getName()) && NUMERIC_TYPES.contains(field.getTypeName())) {
                fields.putIfAbsent(field.getName(), field.getLabel() == null ? field.getName() : field.getLabel());
                values.put(field.getName(), event.getLong(field.getName()));
            }
        }
        samples.add(new Sample(event.getStartTime(), order, values));
    }

    Statistics build() {
        samples.sort(Comparator.comparing(Sample::at).thenComparingLong(Sample::order));
        List<StatisticsField> result = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            result.add(field(field.getKey(), field.getValue()));
        }
        return new Statistics(samples.size(),
                samples.isEmpty() ? null : samples.get(0).at(),
                samples.isEmpty() ? null : samples.get(samples.size() - 1).at(),
                result);
    }

    /** Negative values are the events' "could not be read"; they would make a min or a first meaningless. */
    private StatisticsField field(String name, String label) {
        Long first = null;
        Long last = null;
        Long min = null;
        Long max = null;
        int unknown = 0;
        for (Sample sample : samples) {
            Long value = sample.values().get(name);
            if (value == null || value < 0) {
                unknown++;
                continue;
            }
            if (first == null) {
                first = value;
            }
            last = value;
            min = min == null ? value : Math.min(min, value);
            max = max == null ? value : Math.max(max, value);
        }
        return new StatisticsField(name, label, first, last, min, max, unknown);
    }
}
