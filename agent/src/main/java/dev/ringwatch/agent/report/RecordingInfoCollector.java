package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.JvmInfo;
import dev.ringwatch.agent.report.RecordingReport.RecordingInfo;
import dev.ringwatch.jfr.RingwatchEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.Name;
import jdk.jfr.consumer.RecordedEvent;

/** The header: the time span all events cover, the JVM that wrote them, and how many ringwatch events of each type. */
final class RecordingInfoCollector {

    static final String JVM_INFORMATION = "jdk.JVMInformation";

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private Instant start;
    private Instant end;
    private long total;
    private long ringwatch;
    private JvmInfo jvm;

    RecordingInfoCollector() {
        // every known type listed, zero or not, so the JSON has the same keys for every recording
        for (var type : RingwatchEvents.ALL) {
            counts.put(type.getAnnotation(Name.class).value(), 0L);
        }
    }

    void any(RecordedEvent event) {
        total++;
        Instant eventStart = event.getStartTime();
        Instant eventEnd = event.getEndTime();
        if (start == null || eventStart.isBefore(start)) {
            start = eventStart;
        }
        if (end == null || eventEnd.isAfter(end)) {
            end = eventEnd;
        }
        String name = event.getEventType().getName();
        if (name.startsWith(RecordingReader.PREFIX)) {
            ringwatch++;
            counts.merge(name, 1L, Long::sum);
        } else if (jvm == null && name.equals(JVM_INFORMATION)) {
            jvm = new JvmInfo(event.hasField("jvmStartTime") ? event.getInstant("jvmStartTime") : null,
                    EventFields.string(event, "jvmVersion"), EventFields.longValue(event, "pid", -1),
                    EventFields.string(event, "javaArguments"));
        }
    }

    Instant end() {
        return end;
    }

    long ringwatchEvents() {
        return ringwatch;
    }

    RecordingInfo build(String file, long sizeBytes) {
        Long duration = start == null ? null : Duration.between(start, end).toNanos();
        return new RecordingInfo(file, sizeBytes, start, end, duration, jvm,
                Collections.unmodifiableMap(new LinkedHashMap<>(counts)), ringwatch, total);
    }
}
