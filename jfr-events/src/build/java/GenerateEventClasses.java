import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step of jfr-events (run by the exec plugin with the building JDK's source launcher, in
 * generate-sources): writes one JFR event class per {@code <event>} of the event spec (events.xml).
 * The spec's own comment explains its format and why it exists.
 *
 * <p>Usage: {@code java GenerateEventClasses.java <events.xml> <output source root>}. Nothing is written
 * unless the whole spec is valid, so a broken spec cannot leave half of the classes behind; a file whose
 * text did not change is not rewritten, so the compiler does not see it as changed.
 *
 * <p>The launcher compiles the pieces beside this file as they are referenced (JEP 458, JDK 22+):
 * {@link EventSpec} reads and checks the spec, {@link EventClassSource} renders each class.
 */
public final class GenerateEventClasses {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            fail("usage: GenerateEventClasses <events.xml> <output source root>");
        }
        Path spec = Path.of(args[0]);
        Path outputRoot = Path.of(args[1]);
        if (!Files.isReadable(spec)) {
            fail("cannot read the event spec at " + spec);
        }
        Map<String, String> sources;
        String packageName;
        try {
            EventSpec events = EventSpec.read(spec);
            packageName = events.packageName();
            sources = new LinkedHashMap<>();
            for (EventSpec.Event event : events.events()) {
                sources.put(event.className(), EventClassSource.render(packageName, event));
            }
        } catch (EventSpec.SpecException e) {
            fail(spec + ": " + e.getMessage());
            return;
        }
        write(outputRoot.resolve(packageName.replace('.', '/')), sources);
        // silent on success: a build says nothing when all goes well (errors go to standard error)
    }

    /** Writes what changed and removes generated classes the spec no longer declares. */
    private static void write(Path dir, Map<String, String> sources) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> existing = Files.list(dir)) {
            for (Path file : existing.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".java") && !sources.containsKey(fileName.replace(".java", ""))
                        && Files.readString(file, StandardCharsets.UTF_8).startsWith(EventClassSource.HEADER)) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source.getValue())) {
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("[ringwatch] GenerateEventClasses: " + message);
        System.exit(1);
    }
}
