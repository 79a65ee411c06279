package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits every event into a real in-process recording made with ringwatch.jfc and reads it back. */
class RecordingRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyEventRoundTripsWithItsFieldsStackTracesAndPeriodicStatistics() throws Exception {
        CountDownLatch sampled = new CountDownLatch(1);
        Runnable hook = RingStatisticsEvent.addPeriodicHook(event -> {
            fill(event, RingStatisticsEvent.class);
            sampled.countDown();
        });
        Path file = dir.resolve("ringwatch.jfr");
        try (Recording recording = new Recording(RingwatchSettings.profile())) {
            // Shorter than the shipped 5 s so the test does not wait; the shipped period is tested in the settings test.
            recording.enable(RingStatisticsEvent.class).withPeriod(Duration.ofMillis(100));
            recording.start();
            for (Class<? extends Event> type : RingwatchEvents.ALL) {
                if (type != RingStatisticsEvent.class) {
                    Event event = type.getDeclaredConstructor().newInstance();
                    fill(event, type);
                    event.commit();
                }
            }
            assertTrue(sampled.await(30, TimeUnit.SECONDS), "JFR never called the RingStatistics hook");
            recording.stop();
            recording.dump(file);
        } finally {
            assertTrue(RingStatisticsEvent.removePeriodicHook(hook));
        }
        assertFalse(RingStatisticsEvent.removePeriodicHook(hook), "hook removed twice");

        Map<String, List<RecordedEvent>> byName = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.ringwatch."))
                .collect(Collectors.groupingBy(e -> e.getEventType().getName(), TreeMap::new, Collectors.toList()));
        assertEquals(RingwatchSettingsTest.eventNames().stream().sorted().toList(), List.copyOf(byName.keySet()));

        for (Class<? extends Event> type : RingwatchEvents.ALL) {
            String name = (String) type.getField("NAME").get(null);
            List<RecordedEvent> recorded = byName.get(name);
            if (type != RingStatisticsEvent.class) {
                assertEquals(1, recorded.size(), name + " committed once");
            }
            for (RecordedEvent event : recorded) {
                assertEquals("ringwatch", event.getEventType().getCategoryNames().get(0), name);
                assertNotNull(event.getEventType().getLabel(), name);
                assertFieldsAsFilled(event, type);
                if (EventMetadataTest.WITH_STACK_TRACES.contains(type)) {
                    assertNotNull(event.getStackTrace(), name + " must carry a stack trace");
                    assertTrue(event.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                                    .anyMatch(m -> m.getType().getName().equals(getClass().getName())),
                            name + " stack trace must show the committing test");
                } else {
                    assertNull(event.getStackTrace(), name + " must not carry a stack trace");
                }
            }
        }
    }

    @Test
    void timespanAndDataAmountFieldsReadBackInTheirUnits() throws Exception {
        Path file = dir.resolve("units.jfr");
        try (Recording recording = new Recording(RingwatchSettings.eventsOnly())) {
            recording.start();
            RingCreatedEvent created = new RingCreatedEvent();
            created.sqThreadIdle = 100; // milliseconds
            created.commit();
            RingLeakEvent leak = new RingLeakEvent();
            leak.age = Duration.ofSeconds(3).toNanos();
            leak.bytesMapped = 8192;
            leak.reason = RingLeakEvent.REASON_CLOSED_BUT_MAPPED;
            leak.severe = true;
            leak.commit();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent created = only(events, RingCreatedEvent.NAME);
        assertEquals(Duration.ofMillis(100), created.getDuration("sqThreadIdle"));
        RecordedEvent leak = only(events, RingLeakEvent.NAME);
        assertEquals(Duration.ofSeconds(3), leak.getDuration("age"));
        assertEquals(8192, leak.getLong("bytesMapped"));
        assertEquals("closed but still mapped", leak.getString("reason"));
        assertTrue(leak.getBoolean("severe"));
    }

    @Test
    void withOnlyTheJdkDefaultSettingsTheClassDefaultsStillApply() throws Exception {
        Path file = dir.resolve("jdk-default.jfr");
        try (Recording recording = new Recording(jdk.jfr.Configuration.getConfiguration("default"))) {
            recording.start();
            new RingLeakEvent().commit();
            new RingClosedEvent().commit();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertNotNull(only(events, RingLeakEvent.NAME).getStackTrace(), "leak events default to stack traces");
        assertNull(only(events, RingClosedEvent.NAME).getStackTrace(), "RingClosed defaults to none");
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    /** Gives every field a value derived from its position, so a dropped or swapped field shows. */
    static void fill(Event event, Class<?> type) {
        List<Field> fields = EventMetadataTest.eventFields(type);
        try {
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                Class<?> t = f.getType();
                if (t == int.class) {
                    f.setInt(event, 100 + i);
                } else if (t == long.class) {
                    f.setLong(event, 1_000_000L + i);
                } else if (t == boolean.class) {
                    f.setBoolean(event, true);
                } else if (t == String.class) {
                    f.set(event, f.getName() + "-" + i);
                } else {
                    throw new AssertionError("unexpected field type " + f);
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertFieldsAsFilled(RecordedEvent event, Class<?> type) {
        List<Field> fields = EventMetadataTest.eventFields(type);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Object expected = f.getType() == int.class ? (Object) (100 + i)
                    : f.getType() == long.class ? (Object) (1_000_000L + i)
                    : f.getType() == boolean.class ? (Object) true
                    : f.getName() + "-" + i;
            Object actual = event.getValue(f.getName());
            if (!expected.equals(actual)) {
                wrong.add(f.getName() + ": expected " + expected + ", read " + actual);
            }
        }
        assertEquals(List.of(), wrong, event.getEventType().getName());
    }
}
