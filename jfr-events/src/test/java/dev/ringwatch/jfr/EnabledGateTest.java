package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/** The static enabled() gates: true exactly while a recording wants the event, and free when not. */
class EnabledGateTest {

    private static final List<BooleanSupplier> GATES = List.of(
            RingCreatedEvent::enabled, RingClosedEvent::enabled, FileSlotUpdatedEvent::enabled,
            RingLeakEvent::enabled, FileSlotLeakEvent::enabled, SqpollThreadLeakEvent::enabled,
            SlotReleaseStalledEvent::enabled, SocketDriftEvent::enabled, RingPileUpEvent::enabled,
            UntrackedRingEvent::enabled, OpenAtExitEvent::enabled);

    @Test
    void everyPerCallEventHasAGate() throws Exception {
        int gated = 0;
        for (Class<? extends Event> type : RingwatchEvents.ALL) {
            if (type == RingStatisticsEvent.class) {
                continue; // periodic: JFR itself decides when to ask for it
            }
            Method m = type.getMethod("enabled");
            assertEquals(boolean.class, m.getReturnType(), type.getName());
            gated++;
        }
        assertEquals(GATES.size(), gated);
    }

    @Test
    void gatesOpenOnlyWhileARecordingEnablesTheEvent() throws Exception {
        assertEquals(List.of(), FlightRecorder.isInitialized() ? running() : List.of(),
                "another recording is running; this test needs none");
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, false, false), states());
        try (Recording recording = new Recording(RingwatchSettings.eventsOnly())) {
            recording.disable(SocketDriftEvent.NAME);
            recording.start();
            assertEquals(List.of(true, true, false, true, true, true, true, false, true, true, true), states(),
                    "ringwatch-events.jfc leaves the per-call FileSlotUpdated off");
        }
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, false, false), states());
    }

    @Test
    void theJdkDefaultSettingsLeaveThePerCallSlotEventOffAndEverythingElseOn() throws Exception {
        assertEquals(List.of(), FlightRecorder.isInitialized() ? running() : List.of(),
                "another recording is running; this test needs none");
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            assertEquals(List.of(true, true, false, true, true, true, true, true, true, true, true), states(),
                    "default.jfc does not name ringwatch's events: their class defaults apply");
        }
        try (Recording recording = new Recording(RingwatchSettings.profile())) {
            recording.start();
            assertEquals(List.of(true, true, true, true, true, true, true, true, true, true, true), states());
        }
    }

    @Test
    void closedGatesAllocateNothing() {
        assertEquals(List.of(false, false, false, false, false, false, false, false, false, false, false), states(),
                "this test needs no recording running");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int open = countOpen(1_000); // warm up: load classes, resolve call sites
        long before = threads.getCurrentThreadAllocatedBytes();
        open += countOpen(100_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, open);
        // Allocating even one small object per call would be over 1 MB here.
        assertTrue(allocated < 16 * 1024, "closed gates allocated " + allocated + " bytes in 100,000 rounds");
    }

    private static int countOpen(int rounds) {
        int open = 0;
        for (int i = 0; i < rounds; i++) {
            if (RingCreatedEvent.enabled()) open++;
            if (RingClosedEvent.enabled()) open++;
            if (FileSlotUpdatedEvent.enabled()) open++;
            if (RingLeakEvent.enabled()) open++;
            if (FileSlotLeakEvent.enabled()) open++;
            if (SqpollThreadLeakEvent.enabled()) open++;
            if (SlotReleaseStalledEvent.enabled()) open++;
            if (SocketDriftEvent.enabled()) open++;
            if (RingPileUpEvent.enabled()) open++;
            if (UntrackedRingEvent.enabled()) open++;
            if (OpenAtExitEvent.enabled()) open++;
        }
        return open;
    }

    private static List<Boolean> states() {
        List<Boolean> states = new ArrayList<>();
        for (BooleanSupplier gate : GATES) {
            states.add(gate.getAsBoolean());
        }
        return states;
    }

    private static List<String> running() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getState() == jdk.jfr.RecordingState.RUNNING)
                .map(Recording::getName).toList();
    }
}
