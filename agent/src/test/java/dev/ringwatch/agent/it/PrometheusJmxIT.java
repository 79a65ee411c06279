package dev.ringwatch.agent.it;

import dev.ringwatch.programs.MetricsScrape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * agent/metrics/prometheus-jmx.yaml in the real Prometheus JMX exporter (jmx_prometheus_javaagent 1.0.1,
 * copied by the build) beside the ringwatch agent: the program scrapes the exporter's HTTP endpoint and the
 * ringwatch_ values must be what it did.
 */
class PrometheusJmxIT {

    @Test
    void theExporterShowsTheTrackersCountsAsRingwatchMetrics() throws Exception {
        int port = freePort();
        ChildRun run = ChildJvm.of("prometheus-jmx", MetricsScrape.class, String.valueOf(port))
                .jvmArg("-javaagent:" + BuildFiles.required("ringwatch.prometheus.agent.jar") + "=127.0.0.1:" + port + ":"
                        + BuildFiles.required("ringwatch.metrics.dir").resolve("prometheus-jmx.yaml"))
                .withoutRecording()
                .run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("200", run.value("HTTP_STATUS"), run.where());
        Map<String, Double> metrics = metrics(run.stdout());
        assertEquals(3.0, metrics.get("ringwatch_live_rings"), metrics + " " + run.where());
        assertEquals(2.0, metrics.get("ringwatch_sqpoll_rings"), "the leaked SQPOLL ring is still open");
        assertEquals(2.0, metrics.get("ringwatch_sqpoll_threads"), "one iou-sqp thread per SQPOLL ring");
        assertEquals(3.0, metrics.get("ringwatch_occupied_slots"));
        assertEquals(0.0, metrics.get("ringwatch_pending_releases"));
        assertEquals(1.0, metrics.get("ringwatch_leaks_total{rule=\"ringOutlivedOwner\"}"), metrics.toString());
        assertEquals(0.0, metrics.get("ringwatch_leaks_total{rule=\"slotOutlivedOwner\"}"));
        assertEquals(0.0, metrics.get("ringwatch_leaks_total{rule=\"closedRingStillMapped\"}"));
        assertEquals(1.0, metrics.get("ringwatch_leaks_reported_total"));
        assertEquals(0.0, metrics.get("ringwatch_dropped_entries_total"));
        assertEquals(0.0, metrics.get("ringwatch_reclaimed_total{kind=\"Rings\"}"));
        assertTrue(metrics.keySet().stream().allMatch(name -> name.startsWith("ringwatch_")));
    }

    /** {@code METRIC name{labels} value} lines as name-with-labels to value. */
    private static Map<String, Double> metrics(String stdout) {
        Map<String, Double> metrics = new TreeMap<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("METRIC ")) {
                String sample = line.substring("METRIC ".length()).strip();
                int space = sample.lastIndexOf(' ');
                metrics.put(sample.substring(0, space), Double.parseDouble(sample.substring(space + 1)));
            }
        }
        return metrics;
    }

    /** A port that was free a moment ago (the exporter cannot report which port it bound to). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
