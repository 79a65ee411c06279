package dev.ringwatch.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.programs.MetricsScrape;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * agent/metrics/otel-jmx.yaml in the real OpenTelemetry Java agent (2.22.0, copied by the build) beside the
 * ringwatch agent: its JMX metric insight reads the tracker's MBean with the file's rules and the
 * logging-otlp exporter prints what it would push; the ringwatch_ values must be what the program did, under
 * the Prometheus file's names and rule labels.
 */
class OtelJmxIT {
    private static final String EXPORT_LINE = "OtlpJsonLoggingMetricExporter - ";

    @Test
    void theOpenTelemetryAgentExportsTheTrackersCountsAsRingwatchMetrics() throws Exception {
        ChildRun run = ChildJvm.of("otel-jmx", MetricsScrape.class, "hold=2500")
                .jvmArg("-javaagent:" + BuildFiles.required("ringwatch.otel.agent.jar"))
                .jvmArg("-Dotel.jmx.config=" + BuildFiles.required("ringwatch.metrics.dir").resolve("otel-jmx.yaml"))
                .jvmArg("-Dotel.metrics.exporter=logging-otlp")
                .jvmArg("-Dotel.traces.exporter=none")
                .jvmArg("-Dotel.logs.exporter=none")
                .jvmArg("-Dotel.metric.export.interval=500")
                .withoutRecording()
                .run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("true", run.value("HELD"), run.where());
        Map<String, Long> metrics = lastExport(run.stderr());
        assertFalse(metrics.isEmpty(), "no ringwatch_ metric exported; " + run.where());
        assertEquals(3L, metrics.get("ringwatch_live_rings"), metrics + " " + run.where());
        assertEquals(2L, metrics.get("ringwatch_sqpoll_rings"), "the leaked SQPOLL ring is still open");
        assertEquals(2L, metrics.get("ringwatch_sqpoll_threads"), "one iou-sqp thread per SQPOLL ring");
        assertEquals(3L, metrics.get("ringwatch_occupied_slots"));
        assertEquals(0L, metrics.get("ringwatch_pending_releases"));
        assertEquals(1L, metrics.get("ringwatch_leaks{rule=ringOutlivedOwner}"), "the Prometheus file's label; " + metrics);
        assertEquals(0L, metrics.get("ringwatch_leaks{rule=slotOutlivedOwner}"), metrics.toString());
        assertEquals(1L, metrics.get("ringwatch_leaks_reported"));
        assertEquals(0L, metrics.get("ringwatch_dropped_entries"));
    }

    /** The ringwatch_ data points of the last export printed, as name{key=value} to value. */
    private static Map<String, Long> lastExport(String stderr) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> last = new TreeMap<>();
        for (String line : stderr.split("\n")) {
            int at = line.indexOf(EXPORT_LINE);
            if (at < 0) {
                continue;
            }
            Map<String, Long> export = new TreeMap<>();
            for (JsonNode metric : json.readTree(line.substring(at + EXPORT_LINE.length())).findValues("metrics")) {
                for (JsonNode m : metric) {
                    String name = m.path("name").asText();
                    if (name.startsWith("ringwatch_")) {
                        for (JsonNode point : m.findValues("dataPoints").get(0)) {
                            export.put(name + labels(point.path("attributes")), point.path("asInt").asLong());
                        }
                    }
                }
            }
            if (!export.isEmpty()) {
                last = export;
            }
        }
        return last;
    }

    private static String labels(JsonNode attributes) {
        if (attributes.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("{");
        for (JsonNode a : attributes) {
            b.append(b.length() > 1 ? "," : "").append(a.path("key").asText()).append('=')
                    .append(a.path("value").path("stringValue").asText());
        }
        return b.append('}').toString();
    }
}
