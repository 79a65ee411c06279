import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The event spec (events.xml) as GenerateEventClasses reads it: every event with its constants and fields,
 * shared fields already resolved, and the package the classes go in. {@link #read(Path)} checks the whole
 * spec first, so a mistake anywhere stops the build before any class is written; the spec's own comment
 * explains its format.
 *
 * <p>A file of its own so that the source launcher compiles it only for GenerateEventClasses (JEP 458: a
 * class of the same directory is compiled when referenced), never for the other build steps beside it.
 */
public record EventSpec(String packageName, List<EventSpec.Event> events) {

    private static final Set<String> TYPES = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double", "String");
    private static final Set<String> INTEGRAL = Set.of("byte", "short", "int", "long");
    private static final Set<String> TIMESPAN_UNITS = Set.of("TICKS", "NANOSECONDS", "MICROSECONDS", "MILLISECONDS",
            "SECONDS");
    private static final Set<String> DATA_AMOUNT_UNITS = Set.of("BITS", "BYTES");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*Event");
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final List<String> FIELD_ANNOTATIONS = List.of("ringId", "unsigned", "timespan", "dataAmount");

    /** A field as an event carries it; the description may be absent only on a shared declaration. */
    record Field(String name, String type, String label, String description, boolean ringId,
            boolean unsigned, String timespan, String dataAmount) {
        Field with(String label, String description) {
            return new Field(name, type, label, description, ringId, unsigned, timespan, dataAmount);
        }
    }

    record Constant(String name, String value, String javadoc) {
    }

    record Event(String className, String name, String label, List<String> category, String description,
            boolean stackTrace, boolean disabled, String period, String javadoc, List<Constant> constants,
            List<Field> fields) {
    }

    /** A mistake in the spec: reported as one line that names the event and field, and the build stops. */
    static final class SpecException extends Exception {
        SpecException(String message) {
            super(message);
        }
    }

    /** Reads and checks the spec; the package is read only once the rest of it is known to be right. */
    static EventSpec read(Path spec) throws Exception {
        Element root = root(spec);
        List<Event> events = readEvents(root);
        return new EventSpec(root.getAttribute("package"), events);
    }

    private static List<Event> readEvents(Element root) throws SpecException {
        if (!root.getTagName().equals("events")) {
            throw new SpecException("the root element must be <events>, not <" + root.getTagName() + ">");
        }
        attributes(root, "<events>", List.of("package"), List.of());
        Map<String, Field> shared = new LinkedHashMap<>();
        List<Element> eventElements = new ArrayList<>();
        for (Element child : children(root)) {
            switch (child.getTagName()) {
                case "field" -> {
                    Field field = declaredField(child, "shared field " + named(child, "name"), true);
                    if (shared.put(field.name(), field) != null) {
                        throw new SpecException("shared field " + field.name() + " is declared twice");
                    }
                }
                case "event" -> eventElements.add(child);
                default -> throw new SpecException("unknown element <" + child.getTagName() + "> in <events>");
            }
        }
        List<Event> events = new ArrayList<>();
        Map<String, String> classOfName = new HashMap<>();
        Map<String, String> inlineFieldOwner = new HashMap<>();
        Set<String> used = new TreeSet<>();
        for (Element element : eventElements) {
            Event event = event(element, shared, used, inlineFieldOwner);
            if (events.stream().anyMatch(e -> e.className().equals(event.className()))) {
                throw new SpecException("event class " + event.className() + " is declared twice");
            }
            String other = classOfName.put(event.name(), event.className());
            if (other != null) {
                throw new SpecException("event " + event.className() + ": name '" + event.name()
                        + "' is already the name of " + other);
            }
            events.add(event);
        }
        if (events.isEmpty()) {
            throw new SpecException("the spec declares no <event>");
        }
        Set<String> unused = new TreeSet<>(shared.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            // A declaration nobody refers to is most likely a renamed reference; left in, it would mislead readers.
            throw new SpecException("shared field(s) " + unused + " are carried by no event");
        }
        return events;
    }

    private static Event event(Element element, Map<String, Field> shared, Set<String> used,
            Map<String, String> inlineFieldOwner) throws SpecException {
        String where = "event " + named(element, "class");
        Map<String, String> a = attributes(element, where,
                List.of("class", "name", "label", "category", "description", "stackTrace"),
                List.of("enabled", "period"));
        String className = a.get("class");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new SpecException(where + ": class must be a simple class name ending in Event");
        }
        boolean stackTrace = bool(a.get("stackTrace"), where + ": stackTrace");
        boolean disabled = a.containsKey("enabled") && !bool(a.get("enabled"), where + ": enabled");
        List<String> category = Arrays.stream(a.get("category").split(",")).map(String::trim).toList();
        if (category.contains("")) {
            throw new SpecException(where + ": category '" + a.get("category") + "' has an empty part");
        }
        String javadoc = null;
        List<Constant> constants = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        Set<String> memberNames = new TreeSet<>(Set.of("NAME", "GATE"));
        for (Element child : children(element)) {
            switch (child.getTagName()) {
                case "javadoc" -> {
                    attributes(child, where + ": <javadoc>", List.of(), List.of());
                    if (javadoc != null) {
                        throw new SpecException(where + ": more than one <javadoc>");
                    }
                    javadoc = javadocText(child, where + ": <javadoc>");
                }
                case "constant" -> {
                    String constantWhere = where + ", constant " + named(child, "name");
                    Map<String, String> c = attributes(child, constantWhere, List.of("name", "value"), List.of());
                    if (!CONSTANT_NAME.matcher(c.get("name")).matches()) {
                        throw new SpecException(constantWhere + ": a constant's name is UPPER_CASE");
                    }
                    if (!memberNames.add(c.get("name"))) {
                        throw new SpecException(constantWhere + ": the name is taken twice");
                    }
                    constants.add(new Constant(c.get("name"), c.get("value"), javadocText(child, constantWhere)));
                }
                case "field" -> {
                    Field field = eventField(child, where, shared, used, inlineFieldOwner, className);
                    if (!memberNames.add(field.name())) {
                        throw new SpecException(where + ", field " + field.name() + ": the event carries it twice");
                    }
                    fields.add(field);
                }
                default -> throw new SpecException(where + ": unknown element <" + child.getTagName() + ">");
            }
        }
        if (javadoc == null) {
            // the class Javadoc is what users read in the IDE and the javadoc jar
            throw new SpecException(where + ": no <javadoc>");
        }
        if (fields.isEmpty()) {
            throw new SpecException(where + ": no <field>");
        }
        return new Event(className, a.get("name"), a.get("label"), category, a.get("description"), stackTrace,
                disabled, a.get("period"), javadoc, constants, fields);
    }

    private static Field eventField(Element element, String eventWhere, Map<String, Field> shared, Set<String> used,
            Map<String, String> inlineFieldOwner, String className) throws SpecException {
        boolean isRef = element.hasAttribute("ref");
        if (isRef == element.hasAttribute("name")) {
            throw new SpecException(eventWhere + ", field " + named(element, isRef ? "ref" : "name")
                    + ": give ref (a shared field) or name (a field of this event only), "
                    + (isRef ? "not both" : "one of them"));
        }
        if (element.hasAttribute("name")) {
            String where = eventWhere + ", field " + element.getAttribute("name");
            Field field = declaredField(element, where, false);
            if (shared.containsKey(field.name())) {
                throw new SpecException(where + ": a shared field has that name; refer to it with ref=\""
                        + field.name() + "\"");
            }
            String owner = inlineFieldOwner.putIfAbsent(field.name(), className);
            if (owner != null) {
                throw new SpecException(where + ": " + owner + " declares a field of that name too;"
                        + " declare it once as a shared field and refer to it from both");
            }
            return field;
        }
        String where = eventWhere + ", field " + element.getAttribute("ref");
        Map<String, String> a = attributes(element, where, List.of("ref"), List.of("label", "description"));
        Field declared = shared.get(a.get("ref"));
        if (declared == null) {
            throw new SpecException(where + ": no shared field of that name (shared: " + shared.keySet() + ")");
        }
        used.add(declared.name());
        Field field = declared.with(a.getOrDefault("label", declared.label()),
                a.getOrDefault("description", declared.description()));
        if (field.description() == null) {
            throw new SpecException(where + ": the shared field has no description, so the event must give one");
        }
        return field;
    }

    /** A full field declaration; a shared one may leave out the description, which each event then gives. */
    private static Field declaredField(Element element, String where, boolean isShared) throws SpecException {
        List<String> optional = new ArrayList<>(FIELD_ANNOTATIONS);
        List<String> required = new ArrayList<>(List.of("name", "type", "label"));
        (isShared ? optional : required).add("description");
        Map<String, String> a = attributes(element, where, required, optional);
        if (!children(element).isEmpty()) {
            throw new SpecException(where + ": a field has no child elements");
        }
        String name = a.get("name");
        String type = a.get("type");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new SpecException(where + ": '" + name + "' is not a field name (lowerCamelCase)");
        }
        if (!TYPES.contains(type)) {
            throw new SpecException(where + ": type '" + type + "' is not one of " + new TreeSet<>(TYPES));
        }
        boolean ringId = a.containsKey("ringId") && bool(a.get("ringId"), where + ": ringId");
        boolean unsigned = a.containsKey("unsigned") && bool(a.get("unsigned"), where + ": unsigned");
        String timespan = a.get("timespan");
        String dataAmount = a.get("dataAmount");
        if (ringId && !type.equals("long")) {
            throw new SpecException(where + ": a ring id is a long");
        }
        if ((unsigned || timespan != null || dataAmount != null) && !INTEGRAL.contains(type)) {
            // JFR ignores these on other types, and tools would show the value without its unit
            throw new SpecException(where + ": unsigned, timespan and dataAmount need an integral type, not " + type);
        }
        if (timespan != null && !TIMESPAN_UNITS.contains(timespan)) {
            throw new SpecException(where + ": timespan '" + timespan + "' is not one of "
                    + new TreeSet<>(TIMESPAN_UNITS));
        }
        if (dataAmount != null && !DATA_AMOUNT_UNITS.contains(dataAmount)) {
            throw new SpecException(where + ": dataAmount '" + dataAmount + "' is not one of "
                    + new TreeSet<>(DATA_AMOUNT_UNITS));
        }
        return new Field(name, type, a.get("label"), a.get("description"), ringId, unsigned, timespan, dataAmount);
    }

    /** The element's attributes, whitespace folded; a missing, empty or unknown one is an error. */
    private static Map<String, String> attributes(Element element, String where, List<String> required,
            List<String> optional) throws SpecException {
        Map<String, String> values = new HashMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            String name = all.item(i).getNodeName();
            if (!required.contains(name) && !optional.contains(name)) {
                List<String> allowed = new ArrayList<>(required);
                allowed.addAll(optional);
                throw new SpecException(where + ": unknown attribute " + name + " (allowed: " + allowed + ")");
            }
            String value = all.item(i).getNodeValue().strip().replaceAll("\\s+", " ");
            if (value.isEmpty()) {
                throw new SpecException(where + ": attribute " + name + " is empty");
            }
            values.put(name, value);
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new SpecException(where + ": missing attribute " + name);
            }
        }
        return values;
    }

    /** What an error message calls an element: its naming attribute, also when that is the one missing. */
    private static String named(Element element, String attribute) {
        return element.hasAttribute(attribute) ? element.getAttribute(attribute) : "(no " + attribute + ")";
    }

    private static boolean bool(String value, String where) throws SpecException {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SpecException(where + " must be true or false, not '" + value + "'");
        };
    }

    /** Javadoc text as written in the spec, its common indentation and surrounding blank lines removed. */
    private static String javadocText(Element element, String where) throws SpecException {
        List<String> lines = new ArrayList<>(element.getTextContent().lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new SpecException(where + ": the Javadoc text is empty");
        }
        int indent = lines.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        String text = String.join("\n", lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
        if (text.contains("*/")) {
            throw new SpecException(where + ": the Javadoc text contains */, which would end the comment");
        }
        return text;
    }

    /** The spec's root element; a malformed spec is a spec mistake like any other, reported the same way. */
    private static Element root(Path spec) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the spec needs no document type, and refusing one keeps the parser from reading other files
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(spec.toFile()).getDocumentElement();
        } catch (SAXException e) {
            throw new SpecException("not well-formed XML: " + e.getMessage());
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }
}
