package dev.ringwatch.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.programs.LongLived;
import dev.ringwatch.programs.MixedLeaks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option jsonLog: one JSON object per alert, one per line. */
class JsonLogIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneObjectPerLeakAndOneForTheExitSummary() throws Exception {
        Path file = ChildJvm.runDir("json-mixed-file").resolve("alerts.jsonl");
        ChildRun run = ChildJvm.of("json-mixed", MixedLeaks.class).agentOptions("jsonLog=" + file).run();
        assertEquals(0, run.exitCode(), run.where());
        List<JsonNode> lines = read(file);
        List<JsonNode> leaks = lines.stream().filter(n -> n.get("type").asText().equals("leak")).toList();
        assertEquals(5, leaks.size(), lines.toString());
        assertEquals(2, leaks.stream().filter(n -> n.get("rule").asText().equals("ring outlived owner")).count());
        assertEquals(3, leaks.stream().filter(n -> n.get("rule").asText().equals("slot outlived owner")).count());
        for (JsonNode n : leaks) {
            // one shape for every rule's line, the finding's fields named as in its JFR event
            assertEquals(List.of("time", "type", "rule", "finding", "message"), fieldNames(n), n.toString());
            assertTrue(n.get("time").asText().endsWith("Z"), n.toString());
            assertTrue(n.get("finding").get("ringId").asLong() > 0, n.toString());
            assertTrue(n.get("finding").get("age").asLong() > 0, n.toString());
            assertTrue(n.get("message").asText().startsWith("ringwatch LEAK "), n.toString());
        }
        JsonNode ring = leaks.stream().filter(n -> n.get("rule").asText().equals("ring outlived owner")
                && n.get("finding").get("severe").asBoolean()).findFirst().orElseThrow().get("finding");
        assertEquals("SQPOLL|NO_SQARRAY", ring.get("setupFlags").asText());
        assertEquals("owner gone", ring.get("reason").asText(), "the RingLeak event's reason: " + ring);
        assertTrue(ring.get("creationStack").asText().startsWith("dev.ringwatch.programs.MixedLeaks.dropRings("),
                ring.toString());
        JsonNode slot = leaks.stream().filter(n -> n.get("rule").asText().equals("slot outlived owner"))
                .findFirst().orElseThrow().get("finding");
        assertTrue(slot.get("slot").asInt() >= 0, slot.toString());
        assertTrue(slot.hasNonNull("ownerClass"), slot.toString());
        assertEquals("owner gone", slot.get("reason").asText(), slot.toString());
        // an unsigned decimal string: 0x5257... tags do not survive a double (jq)
        assertTrue(slot.get("tag").isTextual() && Long.parseUnsignedLong(slot.get("tag").asText()) != 0, slot.toString());
        assertEquals(1, lines.stream().filter(n -> n.get("type").asText().equals("openAtExit")).count(), lines.toString());
    }

    @Test
    void exitSummaryLineListsTheOpenRings() throws Exception {
        Path file = ChildJvm.runDir("json-exit-file").resolve("alerts.jsonl");
        ChildJvm.of("json-exit", LongLived.class).agentOptions("jsonLog=" + file).run();
        List<JsonNode> lines = read(file);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode exit = lines.get(0);
        assertEquals("openAtExit", exit.get("type").asText());
        assertEquals(2, exit.get("openRings").asInt());
        assertEquals(2, exit.get("rings").size());
        JsonNode ring = exit.get("rings").get(0);
        assertTrue(ring.get("ringId").asLong() > 0, ring.toString());
        assertEquals("ring-core", ring.get("library").asText(), ring.toString());
        assertTrue(ring.get("creationStack").asText().contains("dev.ringwatch.programs.LongLived"), ring.toString());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
