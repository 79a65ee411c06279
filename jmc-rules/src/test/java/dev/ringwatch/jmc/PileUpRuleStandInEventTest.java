package dev.ringwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.RunnableFuture;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * The pile-up rule before the agent has a pile-up detector: a stand-in {@code dev.ringwatch.RingPileUp} event
 * defined here (fields as the rule reads them: library, creationStack), recorded in this JVM.
 */
class PileUpRuleStandInEventTest {

    @Name(RingPileUpRule.EVENT)
    static final class StandInRingPileUp extends Event {
        String library;
        String creationStack;
    }

    @TempDir
    Path dir;

    @Test
    void pileUpsOfAStandInEventGiveAWarningNamingLibraryAndSite() throws Exception {
        Path file = dir.resolve("pile-up.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(StandInRingPileUp.class);
            recording.start();
            for (int i = 0; i < 2; i++) {
                StandInRingPileUp e = new StandInRingPileUp();
                e.library = "netty";
                e.creationStack = "io.netty.channel.uring.Native.createRingBuffer(Native.java:1)\n"
                        + "app//com.example.Workers.newGroup(Workers.java:42)";
                e.commit();
            }
            recording.stop();
            recording.dump(file);
        }
        IResult result = evaluate(file);
        assertEquals(Severity.WARNING, result.getSeverity(), result.getSummary());
        assertTrue(result.getSummary().startsWith("2 ring pile-ups reported (2 netty by library)."), result.getSummary());
        assertTrue(result.getSummary().endsWith("Top creation site: com.example.Workers.newGroup(Workers.java:42)"
                + " (2 of 2)."), result.getSummary());
    }

    private static IResult evaluate(Path file) throws Exception {
        RunnableFuture<IResult> evaluation = new RingPileUpRule().createEvaluation(
                JfrLoaderToolkit.loadEvents(file.toFile()), IPreferenceValueProvider.DEFAULT_VALUES, null);
        evaluation.run();
        return evaluation.get();
    }

    @Test
    void aRecordingWithoutThePileUpEventTypeIsNotApplicable() throws Exception {
        Path file = dir.resolve("empty.jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        IResult result = evaluate(file);
        assertEquals(Severity.NA, result.getSeverity(), result.getSummary());
    }
}
