package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.AnnotationElement;
import jdk.jfr.EventType;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

/**
 * Everything `jfr metadata` and JDK Mission Control show about each event, compared with a recorded
 * snapshot: event name, label, description, categories, class annotations, settings, and each field's
 * name, type, label, description, content type and annotations. How the classes declare it (one
 * class or an abstract superclass) must not show here. Field order is not compared: JFR lists a
 * subclass's own fields before inherited ones, and consumers read fields by name.
 *
 * <p>After an intended change (a new event or field), regenerate the snapshot with
 * {@code -Dringwatch.metadataSnapshot.write=<path of event-metadata.txt>} and review the diff.
 */
class EventMetadataSnapshotTest {

    private static final String SNAPSHOT = "/dev/ringwatch/jfr/event-metadata.txt";

    @Test
    void metadataIsExactlyTheRecordedSnapshot() throws IOException {
        String actual = describeAll();
        String writeTo = System.getProperty("ringwatch.metadataSnapshot.write");
        if (writeTo != null) {
            Files.writeString(Path.of(writeTo), actual, StandardCharsets.UTF_8);
        }
        assertEquals(readSnapshot(), actual);
    }

    static String describeAll() {
        return RingwatchEvents.ALL.stream()
                .map(EventType::getEventType)
                .map(EventMetadataSnapshotTest::describe)
                .collect(Collectors.joining());
    }

    private static String describe(EventType type) {
        StringBuilder out = new StringBuilder();
        out.append("event ").append(type.getName()).append('\n');
        out.append("  label: ").append(type.getLabel()).append('\n');
        out.append("  description: ").append(type.getDescription()).append('\n');
        out.append("  category: ").append(type.getCategoryNames()).append('\n');
        out.append("  annotations: ").append(annotations(type.getAnnotationElements())).append('\n');
        type.getSettingDescriptors().stream()
                .sorted(Comparator.comparing(SettingDescriptor::getName))
                .forEach(s -> out.append("  setting ").append(s.getName()).append(" = ")
                        .append(s.getDefaultValue()).append('\n'));
        type.getFields().stream()
                .sorted(Comparator.comparing(ValueDescriptor::getName))
                .forEach(f -> out.append("  field ").append(f.getName())
                        .append(" : ").append(f.getTypeName())
                        .append(" | ").append(f.getLabel())
                        .append(" | ").append(f.getDescription())
                        .append(" | ").append(f.getContentType())
                        .append(" | ").append(annotations(f.getAnnotationElements())).append('\n'));
        return out.toString();
    }

    private static String annotations(List<AnnotationElement> elements) {
        return elements.stream()
                .map(a -> a.getTypeName() + a.getValues().stream().map(EventMetadataSnapshotTest::value).toList())
                .sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String value(Object value) {
        return value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    private static String readSnapshot() throws IOException {
        try (InputStream in = EventMetadataSnapshotTest.class.getResourceAsStream(SNAPSHOT)) {
            assertNotNull(in, SNAPSHOT + " is missing from the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
