package dev.ringwatch.agent.it;

import dev.ringwatch.programs.CleanLifecycles;
import dev.ringwatch.programs.CleanSqpollRings;
import dev.ringwatch.programs.ConnOwnsAll;
import dev.ringwatch.programs.DroppedFixedFile;
import dev.ringwatch.programs.DroppedRing;
import dev.ringwatch.programs.LongLived;
import dev.ringwatch.programs.ManySlots;
import dev.ringwatch.programs.MixedLeaks;
import dev.ringwatch.programs.OwnerDroppedRingKept;
import dev.ringwatch.programs.RingWithSlotsDropped;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labelled suite: leaky programs yield exactly their leaks, once each; clean programs yield none.
 * Every program runs in its own JVM under the agent, over the real kernel, with a JFR recording.
 */
class LeakSuiteIT {

    /** A labelled program and the leaks it must produce: ring leaks (of which SQPOLL) and slot leaks. */
    record Case(String label, Class<?> program, List<String> args, int ringLeaks, int severeRingLeaks, int slotLeaks) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> programs() {
        return Stream.of(
                new Case("clean: 1000 SQPOLL rings with slots, closed", CleanSqpollRings.class, List.of("1000"), 0, 0, 0),
                new Case("clean: owners outlive nothing they own", CleanLifecycles.class, List.of(), 0, 0, 0),
                new Case("clean: rings held until exit", LongLived.class, List.of(), 0, 0, 0),
                new Case("clean: 200 slots held then closed", ManySlots.class, List.of(), 0, 0, 0),
                new Case("leaky: ring dropped without close", DroppedRing.class, List.of(), 1, 0, 0),
                new Case("leaky: SQPOLL ring dropped without close", DroppedRing.class, List.of("sqpoll"), 1, 1, 0),
                new Case("leaky: explicit owner dropped, ring still referenced", OwnerDroppedRingKept.class, List.of(), 1, 1, 0),
                new Case("leaky: FixedFile dropped without close", DroppedFixedFile.class, List.of(), 0, 0, 1),
                new Case("leaky: slot owner dropped, handle kept", DroppedFixedFile.class, List.of("owner"), 0, 0, 1),
                new Case("leaky: ring dropped with 3 slots (one report)", RingWithSlotsDropped.class, List.of(), 1, 0, 0),
                new Case("leaky: owner of ring and slots dropped (one report)", ConnOwnsAll.class, List.of(), 1, 1, 0),
                new Case("leaky: 2 rings and 3 slots among clean ones", MixedLeaks.class, List.of(), 2, 1, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void exactlyTheExpectedLeaksOnce(Case c) throws Exception {
        ChildRun run = ChildJvm.of("suite-" + c.label(), c.program(), c.args().toArray(String[]::new)).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("true", run.value("MBEAN"), "the agent's MBean appeared; " + run.where());
        assertEquals(Integer.toString(c.ringLeaks() + c.slotLeaks()), run.value("LEAKS"), run.where());

        List<RecordedEvent> ringLeaks = run.events("dev.ringwatch.RingLeak");
        List<RecordedEvent> slotLeaks = run.events("dev.ringwatch.FileSlotLeak");
        assertEquals(c.ringLeaks(), ringLeaks.size(), "RingLeak events; " + run.where());
        assertEquals(c.severeRingLeaks(), ringLeaks.stream().filter(e -> e.getBoolean("severe")).count(),
                "severe (SQPOLL) RingLeak events; " + run.where());
        assertEquals(c.slotLeaks(), slotLeaks.size(), "FileSlotLeak events; " + run.where());
        assertEquals(c.ringLeaks(), run.leakLines("ring outlived owner").size(), "ring leak lines; " + run.where());
        assertEquals(c.slotLeaks(), run.leakLines("slot outlived owner").size(), "slot leak lines; " + run.where());

        Set<Long> rings = new HashSet<>();
        for (RecordedEvent e : ringLeaks) {
            assertEquals("owner gone", e.getString("reason"));
            assertTrue(rings.add(e.getLong("ringId")), "a ring is reported once: " + e);
        }
        Set<String> slots = new HashSet<>();
        for (RecordedEvent e : slotLeaks) {
            assertEquals("owner gone", e.getString("reason"));
            assertTrue(slots.add(e.getLong("ringId") + "/" + e.getInt("slot") + "/" + e.getLong("tag")),
                    "a slot is reported once: " + e);
        }
        assertFalse(run.stderr().contains("internal error"), run.where());
        assertFalse(run.stderr().contains("Exception"), run.where());
    }
}
