package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import org.junit.jupiter.api.Test;

class RingwatchSettingsTest {

    private static final Set<String> WITH_STACK_TRACES = Set.of(
            RingCreatedEvent.NAME, RingLeakEvent.NAME, FileSlotLeakEvent.NAME, SqpollThreadLeakEvent.NAME);

    @Test
    void fullSettingsEnableEveryRingwatchEventButThePerCallSlotEvent() throws Exception {
        Map<String, String> settings = RingwatchSettings.full().getSettings();
        assertEquals(12, RingwatchEvents.ALL.size());
        for (String name : eventNames()) {
            assertEquals(String.valueOf(!name.equals(FileSlotUpdatedEvent.NAME)), settings.get(name + "#enabled"), name);
        }
    }

    @Test
    void profileSettingsEnableAllElevenRingwatchEventsOnTopOfTheJdkProfile() throws Exception {
        Configuration profile = RingwatchSettings.profile();
        Map<String, String> settings = profile.getSettings();
        for (String name : eventNames()) {
            assertEquals("true", settings.get(name + "#enabled"), name + " must be enabled by ringwatch-profile.jfc");
        }
        Map<String, String> jdk = Configuration.getConfiguration("profile").getSettings();
        List<String> differences = new ArrayList<>();
        jdk.forEach((key, value) -> {
            if (!value.equals(settings.get(key))) {
                differences.add(key + ": JDK " + value + ", ringwatch-profile.jfc " + settings.get(key));
            }
        });
        assertEquals(List.of(), differences);
        assertEquals("ringwatch profile", profile.getLabel());
        Map<String, String> full = RingwatchSettings.full().getSettings();
        settings.forEach((key, value) -> {
            if (key.startsWith("dev.ringwatch.") && !key.equals(FileSlotUpdatedEvent.NAME + "#enabled")) {
                assertEquals(full.get(key), value, key + " differs between ringwatch.jfc and ringwatch-profile.jfc");
            }
        });
    }

    @Test
    void fullSettingsKeepEveryJdkDefaultSetting() throws Exception {
        Map<String, String> ours = RingwatchSettings.full().getSettings();
        Map<String, String> jdk = Configuration.getConfiguration("default").getSettings();
        assertEquals("true", ours.get("jdk.GarbageCollection#enabled"));
        assertEquals(jdk.get("jdk.ExecutionSample#period"), ours.get("jdk.ExecutionSample#period"));
        List<String> differences = new ArrayList<>();
        jdk.forEach((key, value) -> {
            if (!value.equals(ours.get(key))) {
                differences.add(key + ": JDK " + value + ", ringwatch.jfc " + ours.get(key));
            }
        });
        assertEquals(List.of(), differences);
        Set<String> extra = new TreeSet<>(ours.keySet());
        extra.removeAll(jdk.keySet());
        extra.removeIf(key -> key.startsWith("dev.ringwatch."));
        assertEquals(Set.of(), extra, "ringwatch.jfc must add nothing but ringwatch settings");
    }

    @Test
    void fullSettingsGiveStackTracesToCreationAndLeakEventsOnly() throws Exception {
        Map<String, String> settings = RingwatchSettings.full().getSettings();
        for (String name : eventNames()) {
            if (name.equals(RingStatisticsEvent.NAME)) {
                continue; // periodic: JFR samples it from its own thread, a stack trace says nothing
            }
            assertEquals(String.valueOf(WITH_STACK_TRACES.contains(name)), settings.get(name + "#stackTrace"), name);
        }
    }

    @Test
    void fullSettingsSampleStatisticsEveryFiveSeconds() throws Exception {
        assertEquals("5 s", RingwatchSettings.full().getSettings().get(RingStatisticsEvent.NAME + "#period"));
    }

    @Test
    void fullSettingsAreNamedForJdkMissionControl() throws Exception {
        Configuration full = RingwatchSettings.full();
        assertEquals("ringwatch", full.getLabel());
        assertEquals("ringwatch", full.getProvider());
        assertTrue(full.getDescription().contains("io_uring"), full.getDescription());
    }

    @Test
    void eventsOnlySettingsHoldExactlyTheRingwatchPartOfTheFullSettings() throws Exception {
        Map<String, String> eventsOnly = RingwatchSettings.eventsOnly().getSettings();
        Map<String, String> full = RingwatchSettings.full().getSettings();
        assertFalse(eventsOnly.isEmpty());
        eventsOnly.forEach((key, value) -> {
            assertTrue(key.startsWith("dev.ringwatch."), key);
            assertEquals(value, full.get(key), key);
        });
        Set<String> enabled = new TreeSet<>();
        eventsOnly.forEach((key, value) -> {
            if (key.endsWith("#enabled") && value.equals("true")) {
                enabled.add(key.substring(0, key.indexOf('#')));
            }
        });
        Set<String> expected = new TreeSet<>(eventNames());
        expected.remove(FileSlotUpdatedEvent.NAME);
        assertEquals(expected, enabled);
    }

    static List<String> eventNames() {
        return RingwatchEvents.ALL.stream().map(c -> EventType.getEventType(c).getName()).toList();
    }
}
