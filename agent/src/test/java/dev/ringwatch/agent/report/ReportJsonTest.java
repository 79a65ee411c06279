package dev.ringwatch.agent.report;

import static dev.ringwatch.agent.report.IncidentRecording.CONN_SITE;
import static dev.ringwatch.agent.report.IncidentRecording.SERVER_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.jfr.RingCreatedEvent;
import dev.ringwatch.jfr.RingwatchEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Name;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code report --json} on a real recording of a known incident, read back with Jackson. */
class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MILLI = Duration.ofMillis(1).toNanos();

    static Path recording;
    static JsonNode report;

    @BeforeAll
    static void reportTheIncident() throws Exception {
        recording = IncidentRecording.shared();
        report = JSON.readTree(CommandRun.succeeded(recording.toString(), "--json"));
    }

    @Test
    void headerNamesTheFileTheJvmAndCountsEveryRingwatchType() throws Exception {
        assertEquals(RecordingReport.FORMAT, report.path("format").asText());
        JsonNode info = report.path("recording");
        assertEquals(recording.toString(), info.path("file").asText());
        assertEquals(Files.size(recording), info.path("sizeBytes").asLong());
        assertEquals(ProcessHandle.current().pid(), info.path("jvm").path("pid").asLong());
        assertFalse(info.path("jvm").path("startTime").asText().isEmpty());
        assertTrue(info.path("durationNanos").asLong() > 0);

        JsonNode counts = info.path("eventCounts");
        assertEquals(RingwatchEvents.ALL.size(), counts.size(), counts.toString());
        for (var type : RingwatchEvents.ALL) {
            assertTrue(counts.has(type.getAnnotation(Name.class).value()), type.getName());
        }
        assertEquals(6, counts.path("dev.ringwatch.RingCreated").asLong());
        assertEquals(4, counts.path("dev.ringwatch.RingClosed").asLong());
        assertEquals(9, counts.path("dev.ringwatch.FileSlotUpdated").asLong());
        assertEquals(4, counts.path("dev.ringwatch.RingLeak").asLong());
        assertEquals(4, counts.path("dev.ringwatch.FileSlotLeak").asLong());
        assertEquals(2, counts.path("dev.ringwatch.SqpollThreadLeak").asLong());
        assertEquals(3, counts.path("dev.ringwatch.RingStatistics").asLong());
        assertEquals(37, info.path("ringwatchEvents").asLong());
        assertTrue(info.path("totalEvents").asLong() > 37, "the JDK's own events count in the total");
    }

    @Test
    void leaksAreGroupedByCreationStackSevereFirstThenByCount() {
        JsonNode leaks = report.path("leaks");
        assertEquals(10, leaks.path("total").asInt());
        assertEquals(5, leaks.path("severe").asInt(), "3 severe ring leaks and 2 SQPOLL thread leaks");
        JsonNode sites = leaks.path("sites");
        assertEquals(4, sites.path("total").asInt());
        List<String> order = new ArrayList<>();
        sites.path("items").forEach(s -> order.add(s.path("site").isNull() ? "none" : s.path("site").asText()));
        assertEquals(SERVER_SITE, order.get(0));
        assertEquals("none", order.get(1), "a severe site with one leak comes before four slot leaks");
        assertEquals(CONN_SITE, order.get(2));
        assertEquals(4, order.size());
    }

    @Test
    void serverSiteCountsRingAndThreadLeaksWithAgesFlagsAndOwners() {
        JsonNode site = report.path("leaks").path("sites").path("items").get(0);
        assertTrue(site.path("severe").asBoolean());
        assertEquals(4, site.path("count").asInt());
        assertEquals(IncidentRecording.SERVER_STACK, site.path("stack").asText());
        assertEquals("creationStack", site.path("stackSource").asText());
        assertEquals(List.of(SERVER_SITE, "com.example.Main.main(Main.java:7)"), texts(site.path("topFrames")));

        JsonNode reasons = site.path("reasons");
        assertEquals(2, reasons.size());
        assertReason(reasons.get(0), "RingLeak", "owner gone", 3);
        assertReason(reasons.get(1), "SqpollThreadLeak", "outlived its ring", 1);

        // ring 1's flags and owner are only in its RingCreated: the thread leak's ring is looked up
        assertEquals(List.of("SQPOLL", "SQPOLL|SQE128"), texts(site.path("setupFlags")));
        assertEquals(SECOND, site.path("ageMinNanos").asLong());
        assertEquals(2 * SECOND, site.path("ageMedianNanos").asLong());
        assertEquals(3 * SECOND, site.path("ageMaxNanos").asLong());
        JsonNode owners = site.path("ownerClasses");
        assertEquals("com.example.Server", owners.get(0).path("value").asText());
        assertEquals(3, owners.get(0).path("count").asInt());
        assertEquals("com.example.Poller", owners.get(1).path("value").asText());
        assertEquals(1, owners.get(1).path("count").asInt());

        JsonNode example = site.path("example");
        assertEquals("RingLeak", example.path("kind").asText());
        assertEquals(3, example.path("ringId").asLong(), "the first leak detected");
        assertEquals(13, example.path("ringFd").asInt());
        assertTrue(example.path("slot").isNull());
    }

    @Test
    void slotLeakSiteHasMedianOfAnEvenCountAndTheRingsFlagsFromItsCreation() {
        JsonNode site = report.path("leaks").path("sites").path("items").get(2);
        assertFalse(site.path("severe").asBoolean());
        assertEquals(4, site.path("count").asInt());
        assertEquals(List.of(CONN_SITE, "com.example.Server.accept(Server.java:88)"), texts(site.path("topFrames")));
        assertReason(site.path("reasons").get(0), "FileSlotLeak", "fd closed under slot", 3);
        assertReason(site.path("reasons").get(1), "FileSlotLeak", "owner gone", 1);
        assertEquals(List.of("CQE32"), texts(site.path("setupFlags")));
        assertEquals(10 * MILLI, site.path("ageMinNanos").asLong());
        assertEquals(25 * MILLI, site.path("ageMedianNanos").asLong());
        assertEquals(40 * MILLI, site.path("ageMaxNanos").asLong());
        assertEquals("com.example.Conn", site.path("ownerClasses").get(0).path("value").asText());
        assertEquals(2, site.path("creatingThreads").size());
        JsonNode example = site.path("example");
        assertEquals(0, example.path("slot").asInt());
        assertEquals(50, example.path("fd").asInt());
        assertEquals("socket:[19000]", example.path("file").asText());
    }

    @Test
    void ringLeakWithoutCapturedStackTakesItsRingCreatedStackTrace() {
        JsonNode site = report.path("leaks").path("sites").path("items").get(3);
        assertEquals("RingCreated", site.path("stackSource").asText());
        assertTrue(site.path("stack").asText().contains(IncidentRecording.class.getName() + ".ringCreated(line "),
                site.path("stack").asText());
        assertReason(site.path("reasons").get(0), "RingLeak", "closed but still mapped", 1);
        assertEquals(List.of("SQE128"), texts(site.path("setupFlags")));

        JsonNode none = report.path("leaks").path("sites").path("items").get(1);
        assertEquals("none", none.path("stackSource").asText());
        assertEquals("", none.path("stack").asText());
        assertTrue(none.path("ageMaxNanos").isNull(), "a thread leak has no age: not known, not zero");
    }

    @Test
    void kernelFindingsAreOrderedMostTellingFirstAndNameTheOldestInFlightOp() {
        JsonNode kernel = report.path("kernel");
        JsonNode threads = kernel.path("sqpollThreads");
        assertEquals(2, threads.path("total").asInt());
        JsonNode outlived = threads.path("items").get(0);
        assertEquals(4243, outlived.path("sqThreadTid").asInt());
        assertEquals("SQPOLL", outlived.path("setupFlags").asText());
        assertEquals(200 * MILLI, outlived.path("sinceCloseNanos").asLong());
        assertEquals(SERVER_SITE, outlived.path("site").asText());

        JsonNode stalls = kernel.path("stalledReleases").path("items");
        assertEquals(30 * SECOND, stalls.get(0).path("stalledForNanos").asLong(), "longest stall first");
        assertEquals("9", stalls.get(0).path("tag").asText());
        assertEquals(10 * SECOND, stalls.get(1).path("stalledForNanos").asLong());
        assertEquals("POLL_ADD on slot 0", kernel.path("oldestInFlight").path("operation").asText());
        assertEquals(Duration.ofMinutes(5).toNanos(), kernel.path("oldestInFlight").path("ageNanos").asLong());

        JsonNode drift = kernel.path("socketDrift").path("items").get(0);
        assertEquals(120, drift.path("growth").asLong());
        assertEquals(110, drift.path("unheldSockets").asInt());
        assertEquals(60 * SECOND, drift.path("windowNanos").asLong());
        JsonNode untracked = kernel.path("untrackedRings");
        assertEquals(1, untracked.path("total").asInt());
        assertEquals(77, untracked.path("items").get(0).path("ringFd").asInt());
    }

    @Test
    void timelineCountsRingsFromBeforeTheRecordingAndFindsThePeak() throws Exception {
        JsonNode rings = report.path("timeline").path("rings");
        assertEquals(6, rings.path("created").asInt());
        assertEquals(4, rings.path("closed").asInt());
        assertEquals(1, rings.path("openBeforeRecording").asInt());
        assertEquals(4, rings.path("peakLive").asInt());
        assertEquals(ringCreatedAt(5), rings.path("peakAt").asText(), "the peak is reached when ring 5 is created");
        assertEquals(3, rings.path("openAtEnd").asInt());

        JsonNode open = rings.path("stillOpen").path("items");
        assertEquals(List.of(3L, 4L, 6L), List.of(open.get(0).path("ringId").asLong(),
                open.get(1).path("ringId").asLong(), open.get(2).path("ringId").asLong()), "oldest first");
        assertTrue(open.get(0).path("leaked").asBoolean());
        assertTrue(open.get(1).path("leaked").asBoolean());
        assertFalse(open.get(2).path("leaked").asBoolean());
        assertEquals("SQPOLL|SQE128", open.get(0).path("setupFlags").asText());
        assertTrue(open.get(0).path("openForNanos").asLong() > open.get(2).path("openForNanos").asLong());

        JsonNode slots = report.path("timeline").path("slots");
        assertEquals(4, slots.path("registered").asLong());
        assertEquals(3, slots.path("released").asLong());
        assertEquals(2, slots.path("dropConfirmed").asLong());
        assertEquals(1, slots.path("occupiedAtEnd").asInt());
        assertEquals(1, slots.path("releasesUnconfirmed").asInt(), "ring 1's release does not count: ring 1 closed");
        assertEquals(4 * MILLI, slots.path("confirmationDelayMedianNanos").asLong());
        assertEquals(6 * MILLI, slots.path("confirmationDelayMaxNanos").asLong());
    }

    @Test
    void statisticsGiveFirstLastMinMaxAndSkipUnreadableValues() {
        JsonNode stats = report.path("statistics");
        assertEquals(3, stats.path("samples").asInt());
        JsonNode live = field(stats, "liveRings");
        assertEquals("Live Rings", live.path("label").asText());
        assertEquals(2, live.path("first").asLong());
        assertEquals(3, live.path("last").asLong());
        assertEquals(2, live.path("min").asLong());
        assertEquals(4, live.path("max").asLong());
        JsonNode sockets = field(stats, "socketsUsed");
        assertEquals(1000, sockets.path("first").asLong());
        assertEquals(1120, sockets.path("last").asLong());
        assertEquals(1120, sockets.path("max").asLong());
        assertEquals(1, sockets.path("unknownSamples").asInt());
    }

    @Test
    void openAtExitSummaryIsThere() {
        JsonNode exit = report.path("openAtExit");
        assertEquals(3, exit.path("openRings").asInt());
        assertEquals(2, exit.path("sqpollRings").asInt());
        assertEquals(3, exit.path("summary").path("total").asInt());
        assertEquals("ring 4 fd 14 SQPOLL|SQE128", exit.path("summary").path("items").get(1).asText());
    }

    @Test
    void topLimitsEveryListButKeepsTheTotals() throws Exception {
        JsonNode limited = JSON.readTree(CommandRun.succeeded("--top", "1", "--json", recording.toString()));
        JsonNode sites = limited.path("leaks").path("sites");
        assertEquals(4, sites.path("total").asInt());
        assertEquals(1, sites.path("items").size());
        assertEquals(SERVER_SITE, sites.path("items").get(0).path("site").asText());
        assertEquals(2, limited.path("kernel").path("stalledReleases").path("total").asInt());
        assertEquals(1, limited.path("kernel").path("stalledReleases").path("items").size());
        assertEquals(3, limited.path("timeline").path("rings").path("stillOpen").path("total").asInt());
        assertEquals(1, limited.path("timeline").path("rings").path("stillOpen").path("items").size());
        assertEquals(10, limited.path("leaks").path("total").asInt(), "totals are not cut");
    }

    @Test
    void jsonFieldsFollowTheModelsDeclarationOrder() {
        List<String> top = new ArrayList<>();
        report.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("format", "recording", "leaks", "kernel", "timeline", "statistics", "openAtExit"), top);
        assertFalse(report.path("leaks").path("sites").has("more"), "derived counts stay out of the document");
    }

    private static String ringCreatedAt(long ringId) throws Exception {
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals(RingCreatedEvent.NAME) && e.getLong("ringId") == ringId) {
                return e.getStartTime().toString();
            }
        }
        throw new AssertionError("no RingCreated for ring " + ringId);
    }

    private static JsonNode field(JsonNode stats, String name) {
        for (JsonNode f : stats.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no statistics field " + name + " in " + stats);
    }

    private static void assertReason(JsonNode reason, String kind, String text, int count) {
        assertEquals(kind, reason.path("kind").asText(), reason.toString());
        assertEquals(text, reason.path("reason").asText(), reason.toString());
        assertEquals(count, reason.path("count").asInt(), reason.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
