package dev.ringwatch.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.testsupport.CommandOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording made with ringwatch.jfc has the per-call FileSlotUpdated off: the report says the slots were
 * not recorded instead of counting zero registrations for a program that registered many.
 */
class ReportSlotSettingsTest {

    @Test
    void slotsAreNotRecordedUnderRingwatchJfcAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        Path recording = IncidentRecording.writeWithRingwatchJfc(dir);
        CommandOutput text = CommandRun.of(recording.toString());
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("slots      not recorded: no FileSlotUpdated events"), text.out());
        assertFalse(text.out().contains("0 registered"), text.out());

        CommandOutput json = CommandRun.of(recording.toString(), "--json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode slots = new ObjectMapper().readTree(json.out()).path("timeline").path("slots");
        assertFalse(slots.path("recorded").asBoolean(true), slots.toString());
    }

    @Test
    void slotsRecordedWithTheProfileSettingsAreCounted(@TempDir Path dir) throws Exception {
        CommandOutput json = CommandRun.of(IncidentRecording.write(dir).toString(), "--json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode slots = new ObjectMapper().readTree(json.out()).path("timeline").path("slots");
        assertTrue(slots.path("recorded").asBoolean(false), slots.toString());
        assertEquals(4, slots.path("registered").asLong());
    }
}
