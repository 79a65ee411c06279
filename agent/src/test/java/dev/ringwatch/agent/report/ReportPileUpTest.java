package dev.ringwatch.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.FindingEvents;
import dev.ringwatch.jfr.RingwatchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ring pile-up is a leak like the others in the report: a new user's recording held one RingPileUp and the
 * report said "no leaks".
 */
class ReportPileUpTest {
    private static final String SITE = "com.example.Pool.grow(Pool.java:21)";

    @TempDir
    Path dir;

    @Test
    void pileUpIsALeakOfItsCreationSite() throws Exception {
        Path jfr = IncidentRecording.record(dir.resolve("pile.jfr"), RingwatchSettings.full(),
                () -> FindingEvents.commit(new Finding.RingPileUp("ring-core", SITE + "\ncom.example.Main.main(Main.java:5)",
                        12, 2, 3_000_000_000L, 3, "pool-1")));

        String text = CommandRun.succeeded(jfr.toString());
        assertTrue(text.contains("1 leak at 1 creation site (1 severe"), text);
        assertTrue(text.contains(SITE), text);

        JsonNode report = new ObjectMapper().readTree(CommandRun.succeeded(jfr.toString(), "--json"));
        JsonNode leaks = report.path("leaks");
        assertEquals(1, leaks.path("total").asInt(), leaks.toString());
        JsonNode site = leaks.path("sites").path("items").get(0);
        assertEquals(SITE, site.path("site").asText());
        assertEquals("RingPileUp", site.path("reasons").get(0).path("kind").asText());
        assertEquals("piled up, none closed", site.path("reasons").get(0).path("reason").asText());
        assertTrue(site.path("severe").asBoolean(), site.toString());
        assertEquals(3_000_000_000L, site.path("ageMaxNanos").asLong());
    }
}
