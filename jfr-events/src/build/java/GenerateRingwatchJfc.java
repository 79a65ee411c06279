import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import jdk.jfr.Configuration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Build step of jfr-events (run by the exec plugin with the building JDK's source launcher):
 * writes ringwatch.jfc = the JDK's own default.jfc plus the events of ringwatch-events.jfc, and
 * ringwatch-profile.jfc = the JDK's profile.jfc plus the same events with the per-call ones switched on.
 *
 * <p>The JDK's file is read from the installed JDK at build time instead of being copied into the
 * repository, because it is GPLv2+CPE text. The result is parsed back with
 * {@link Configuration#create(Path)} and compared with both inputs, so a broken merge fails the build.
 *
 * <p>Usage: {@code java GenerateRingwatchJfc.java [--label=L] [--description=D] [--enable=EVENT]...
 * <jdk.jfc> <ringwatch-events.jfc> <out.jfc>...}; {@code --enable} turns on an event that
 * ringwatch-events.jfc leaves off (per-call events, on only when profiling).
 */
public final class GenerateRingwatchJfc {

    private static final String DEFAULT_LABEL = "ringwatch";
    private static final String DEFAULT_DESCRIPTION = "The JDK's default settings (low overhead, safe for continuous"
            + " use in production) plus ringwatch's io_uring events: ring lifecycle, leaks, statistics.";
    private static final String EVENT_PREFIX = "dev.ringwatch.";

    /** What the command line asked for: labels, events to switch on, and the files. */
    private record Request(String label, String description, Set<String> enable, List<Path> files) {
        static Request parse(String[] args) {
            String label = DEFAULT_LABEL;
            String description = DEFAULT_DESCRIPTION;
            Set<String> enable = new HashSet<>();
            List<Path> files = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--label=")) {
                    label = arg.substring("--label=".length());
                } else if (arg.startsWith("--description=")) {
                    description = arg.substring("--description=".length());
                } else if (arg.startsWith("--enable=")) {
                    enable.add(arg.substring("--enable=".length()));
                } else if (arg.startsWith("--")) {
                    fail("unknown option " + arg);
                } else {
                    files.add(Path.of(arg));
                }
            }
            if (files.size() < 3) {
                fail("usage: GenerateRingwatchJfc [--label=L] [--description=D] [--enable=EVENT]..."
                        + " <jdk default.jfc> <ringwatch-events.jfc> <out.jfc>...");
            }
            return new Request(label, description, enable, files);
        }
    }

    public static void main(String[] args) throws Exception {
        Request request = Request.parse(args);
        Path jdkDefault = request.files().get(0);
        Path events = request.files().get(1);
        requireReadable(jdkDefault, "the JDK's default.jfc");
        requireReadable(events, "ringwatch-events.jfc");

        String merged = merge(parse(jdkDefault), parse(events), jdkDefault, request);
        for (Path out : request.files().subList(2, request.files().size())) {
            Path dir = out.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(out, merged, StandardCharsets.UTF_8);
            verify(out, jdkDefault, events, request.enable());
        }
        // silent on success: a build says nothing when all goes well (errors go to standard error)
    }

    private static String merge(Document base, Document ours, Path jdkDefault, Request request) throws Exception {
        Element root = base.getDocumentElement();
        Set<String> baseNames = new HashSet<>();
        for (Element e : children(root, "event")) {
            baseNames.add(e.getAttribute("name"));
        }
        List<Element> added = children(ours.getDocumentElement(), "event");
        if (added.isEmpty()) {
            fail("ringwatch-events.jfc has no <event> elements");
        }
        // Insert before <control> so that all events stay together, as in the JDK's own files.
        List<Element> controls = children(root, "control");
        Node anchor = controls.isEmpty() ? null : controls.get(0);
        for (Element e : added) {
            String name = e.getAttribute("name");
            if (!name.startsWith(EVENT_PREFIX)) {
                fail("ringwatch-events.jfc: event '" + name + "' is not a " + EVENT_PREFIX + "* event");
            }
            if (!baseNames.add(name)) {
                fail("event '" + name + "' is already configured in " + jdkDefault + " or twice in ringwatch-events.jfc");
            }
            Element imported = (Element) base.importNode(e, true);
            if (request.enable().contains(name)) {
                enable(imported);
            }
            root.insertBefore(imported, anchor);
            root.insertBefore(base.createTextNode("\n\n    "), anchor);
        }
        Set<String> unknown = new HashSet<>(request.enable());
        unknown.removeAll(baseNames);
        if (!unknown.isEmpty()) {
            fail("--enable names events that ringwatch-events.jfc does not configure: " + unknown);
        }
        root.setAttribute("label", request.label());
        root.setAttribute("description", request.description());
        root.setAttribute("provider", "ringwatch");
        Node first = root.getFirstChild();
        root.insertBefore(base.createTextNode("\n\n    "), first);
        root.insertBefore(base.createComment(" Generated by the ringwatch build from " + jdkDefault.getFileName()
                + " of JDK " + System.getProperty("java.version")
                + " (its settings unchanged) plus ringwatch-events.jfc. Edit ringwatch-events.jfc, not this file. "),
                first);

        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter body = new StringWriter();
        transformer.transform(new DOMSource(base), new StreamResult(body));
        // The DOM cannot hold whitespace outside the root element; put back the line break after the header comment.
        String xml = body.toString().replaceFirst("-->\\s*<configuration", "-->\n\n<configuration");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml + "\n";
    }

    private static void enable(Element event) {
        for (Element setting : children(event, "setting")) {
            if (setting.getAttribute("name").equals("enabled")) {
                setting.setTextContent("true");
                return;
            }
        }
        fail("event '" + event.getAttribute("name") + "' has no enabled setting to switch on");
    }

    /** Every JDK setting and every ringwatch setting must come back unchanged, but the events switched on. */
    private static void verify(Path out, Path jdkDefault, Path events, Set<String> enabled) throws Exception {
        Map<String, String> result = Configuration.create(out).getSettings();
        List<String> problems = new ArrayList<>();
        for (String name : enabled) {
            if (!"true".equals(result.get(name + "#enabled"))) {
                problems.add(name + "#enabled: expected 'true' (--enable) but got '" + result.get(name + "#enabled") + "'");
            }
        }
        for (Path input : List.of(jdkDefault, events)) {
            Configuration.create(input).getSettings().forEach((key, value) -> {
                if (enabled.contains(key.substring(0, Math.max(0, key.indexOf('#')))) && key.endsWith("#enabled")) {
                    return;
                }
                if (!value.equals(result.get(key))) {
                    problems.add(key + ": expected '" + value + "' from " + input.getFileName()
                            + " but got '" + result.get(key) + "'");
                }
            });
        }
        if (!problems.isEmpty()) {
            fail(out + " does not keep its inputs' settings:\n  " + String.join("\n  ", problems));
        }
    }

    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (org.xml.sax.SAXException e) {
            fail(file + " is not well-formed XML: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static void requireReadable(Path file, String what) throws IOException {
        if (!Files.isReadable(file)) {
            fail("cannot read " + what + " at " + file
                    + " (is JAVA_HOME a full JDK 25+ with lib/jfr? use ./run-tests.sh)");
        }
    }

    private static void fail(String message) {
        System.err.println("[ringwatch] GenerateRingwatchJfc: " + message);
        System.exit(1);
    }
}
