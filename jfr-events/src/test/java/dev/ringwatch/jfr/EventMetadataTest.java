package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.DataAmount;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Unsigned;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

/** What `jfr summary`, `jfr metadata` and JDK Mission Control show about the events. */
class EventMetadataTest {

    /** The binding event names (DESIGN.md), spelled out so a renamed class cannot change them. */
    private static final Map<Class<? extends Event>, String> BINDING_NAMES = new LinkedHashMap<>();

    static {
        BINDING_NAMES.put(RingCreatedEvent.class, "dev.ringwatch.RingCreated");
        BINDING_NAMES.put(RingClosedEvent.class, "dev.ringwatch.RingClosed");
        BINDING_NAMES.put(FileSlotUpdatedEvent.class, "dev.ringwatch.FileSlotUpdated");
        BINDING_NAMES.put(RingLeakEvent.class, "dev.ringwatch.RingLeak");
        BINDING_NAMES.put(FileSlotLeakEvent.class, "dev.ringwatch.FileSlotLeak");
        BINDING_NAMES.put(SqpollThreadLeakEvent.class, "dev.ringwatch.SqpollThreadLeak");
        BINDING_NAMES.put(SlotReleaseStalledEvent.class, "dev.ringwatch.SlotReleaseStalled");
        BINDING_NAMES.put(SocketDriftEvent.class, "dev.ringwatch.SocketDrift");
        BINDING_NAMES.put(RingPileUpEvent.class, "dev.ringwatch.RingPileUp");
        BINDING_NAMES.put(UntrackedRingEvent.class, "dev.ringwatch.UntrackedRing");
        BINDING_NAMES.put(OpenAtExitEvent.class, "dev.ringwatch.OpenAtExit");
        BINDING_NAMES.put(RingStatisticsEvent.class, "dev.ringwatch.RingStatistics");
    }

    static final Set<Class<? extends Event>> WITH_STACK_TRACES = Set.of(
            RingCreatedEvent.class, RingLeakEvent.class, FileSlotLeakEvent.class, SqpollThreadLeakEvent.class);

    @Test
    void everyEventCarriesItsBindingName() throws Exception {
        assertEquals(List.copyOf(BINDING_NAMES.keySet()), RingwatchEvents.ALL);
        for (var entry : BINDING_NAMES.entrySet()) {
            assertEquals(entry.getValue(), EventType.getEventType(entry.getKey()).getName());
            assertEquals(entry.getValue(), entry.getKey().getField("NAME").get(null), entry.getKey() + ".NAME");
        }
    }

    @Test
    void everyEventSitsInARingwatchCategoryWithLabelAndDescription() {
        for (var type : types()) {
            List<String> category = type.getCategoryNames();
            assertEquals(2, category.size(), type.getName() + " " + category);
            assertEquals("ringwatch", category.get(0), type.getName());
            assertTrue(Set.of("Rings", "Fixed Files", "Leaks", "Statistics").contains(category.get(1)),
                    type.getName() + " " + category);
            assertNonBlank(type.getLabel(), type.getName() + " label");
            assertNonBlank(type.getDescription(), type.getName() + " description");
        }
    }

    @Test
    void everyFieldHasALabelAndOurFieldsHaveDescriptions() {
        List<String> missing = new ArrayList<>();
        for (var eventClass : RingwatchEvents.ALL) {
            EventType type = EventType.getEventType(eventClass);
            for (ValueDescriptor field : type.getFields()) {
                if (isBlank(field.getLabel())) {
                    missing.add(type.getName() + "." + field.getName() + " label");
                }
            }
            for (Field declared : eventFields(eventClass)) {
                ValueDescriptor field = type.getField(declared.getName());
                assertNotNull(field, type.getName() + " lost field " + declared.getName());
                if (isBlank(field.getDescription())) {
                    missing.add(type.getName() + "." + field.getName() + " description");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void stackTracesAreOnExactlyTheCreationAndLeakEvents() {
        for (var type : RingwatchEvents.ALL) {
            StackTrace annotation = type.getAnnotation(StackTrace.class);
            assertNotNull(annotation, type + " must say explicitly whether it records a stack trace");
            assertEquals(WITH_STACK_TRACES.contains(type), annotation.value(), type.getName());
        }
    }

    @Test
    void durationsAreTimespansAndSizesAreDataAmounts() {
        List<String> wrong = new ArrayList<>();
        for (var type : types()) {
            for (ValueDescriptor field : type.getFields()) {
                String name = field.getName();
                boolean timeLike = Set.of("age", "sinceClose", "stalledFor", "window", "confirmationDelay",
                        "oldestInFlightAge", "oldestAge", "sqThreadIdle", "duration").contains(name);
                if (timeLike != "jdk.jfr.Timespan".equals(field.getContentType())) {
                    wrong.add(type.getName() + "." + name + " content type " + field.getContentType());
                }
                if (timeLike && !name.equals("duration") && !field.getTypeName().equals("long")) {
                    wrong.add(type.getName() + "." + name + " is " + field.getTypeName());
                }
                if (name.equals("bytesMapped") && !"jdk.jfr.DataAmount".equals(field.getContentType())) {
                    wrong.add(type.getName() + "." + name + " is not a DataAmount");
                }
                if (name.equals("tag") && field.getAnnotation(Unsigned.class) == null) {
                    wrong.add(type.getName() + ".tag is not @Unsigned (a u64)");
                }
            }
        }
        assertEquals(List.of(), wrong);
        ValueDescriptor idle = EventType.getEventType(RingCreatedEvent.class).getField("sqThreadIdle");
        assertEquals(Timespan.MILLISECONDS, idle.getAnnotation(Timespan.class).value());
        ValueDescriptor mapped = EventType.getEventType(RingLeakEvent.class).getField("bytesMapped");
        assertEquals(DataAmount.BYTES, mapped.getAnnotation(DataAmount.class).value());
    }

    @Test
    void ringIdFieldsAreRelationalSoToolsCanLinkARingsEvents() {
        int seen = 0;
        for (var type : types()) {
            ValueDescriptor ringId = type.getField("ringId");
            if (ringId == null) {
                continue;
            }
            seen++;
            assertEquals("long", ringId.getTypeName(), type.getName());
            assertNotNull(ringId.getAnnotation(RingId.class), type.getName() + ".ringId is not @RingId");
            var element = ringId.getAnnotationElements().stream()
                    .filter(a -> a.getTypeName().equals(RingId.class.getName())).findFirst().orElseThrow();
            assertNotNull(element.getAnnotation(jdk.jfr.Relational.class), "RingId must be @Relational in the metadata");
        }
        assertEquals(7, seen, "every event about one tracked ring carries its ring id");
    }

    @Test
    void statisticsArePeriodicEveryFiveSecondsByDefault() {
        Period period = RingStatisticsEvent.class.getAnnotation(Period.class);
        assertNotNull(period);
        assertEquals("5 s", period.value());
        for (var type : RingwatchEvents.ALL) {
            if (type != RingStatisticsEvent.class) {
                assertEquals(null, type.getAnnotation(Period.class), type.getName());
            }
        }
    }

    @Test
    void reasonAndActionTextsAreTheDocumentedOnes() {
        assertEquals("owner gone", RingLeakEvent.REASON_OWNER_GONE);
        assertEquals("closed but still mapped", RingLeakEvent.REASON_CLOSED_BUT_MAPPED);
        assertEquals("owner gone", FileSlotLeakEvent.REASON_OWNER_GONE);
        assertEquals("fd closed under slot", FileSlotLeakEvent.REASON_FD_CLOSED_UNDER_SLOT);
        assertEquals("registered", FileSlotUpdatedEvent.ACTION_REGISTERED);
        assertEquals("released", FileSlotUpdatedEvent.ACTION_RELEASED);
        assertEquals("drop confirmed", FileSlotUpdatedEvent.ACTION_DROP_CONFIRMED);
        assertFalse(SqpollThreadLeakEvent.REASON_OUTLIVED_RING.equals(SqpollThreadLeakEvent.REASON_NO_TRACKED_RING));
    }

    static List<EventType> types() {
        return RingwatchEvents.ALL.stream().map(EventType::getEventType).toList();
    }

    /**
     * The payload fields the agent fills: public instance fields, the ones inherited from an
     * abstract ringwatch event included. (JFR adds private transient ones of its own, such as
     * startTime, when it instruments the class.)
     */
    static List<Field> eventFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        return fields;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void assertNonBlank(String s, String what) {
        assertFalse(isBlank(s), what + " is missing");
    }
}
