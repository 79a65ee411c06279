package dev.ringwatch.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringwatch.agent.files.OwnerOnlyFile;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the agent's options from three sources. Precedence, lowest first: built-in defaults, the JSON
 * file named by {@code config}, the agent argument ({@code -javaagent:ringwatch-agent.jar=k=v,k=v}),
 * {@code -Dringwatch.<key>} system properties. An unknown key or a bad value yields one problem line
 * naming it and the valid choices; the key then keeps its default. A config file that cannot be read
 * or parsed is fatal ({@link AgentStartException}): the agent stays off, the application runs.
 */
public final class OptionParser {
    public static final String PROPERTY_PREFIX = "ringwatch.";
    public static final String CONFIG_KEY = "config";

    /** How an option's value is read. */
    enum Kind { BOOLEAN, SLOT_STACKS, INTEGER, LEVEL, PATH, DURATION }

    /** One option: its key, default, the choices named in messages, and how to read a value. */
    public record Spec(String key, String defaultValue, String choices, String description, Kind kind, int min,
                       int max) {
        Spec(String key, String defaultValue, String description, Kind kind) {
            this(key, defaultValue, switch (kind) {
                case BOOLEAN -> "true|false";
                case SLOT_STACKS -> "off|sampled|all";
                case LEVEL -> "off|error|warning|info|debug|trace";
                case PATH -> "a file path whose directory exists, not a symbolic link";
                case INTEGER -> throw new IllegalArgumentException("integers need a range");
                case DURATION -> throw new IllegalArgumentException("durations need a range");
            }, description, kind, 0, 0);
        }

        Spec(String key, int defaultValue, int min, int max, String description) {
            this(key, Integer.toString(defaultValue), "an integer from " + min + " to " + max, description,
                    Kind.INTEGER, min, max);
        }

        /** A duration from {@code minMillis} to {@code maxMillis}, written with a unit: ms, s or m. */
        static Spec duration(String key, String defaultValue, int minMillis, int maxMillis, String description) {
            return new Spec(key, defaultValue, "a duration from " + Durations.text(minMillis) + " to "
                    + Durations.text(maxMillis) + " with unit ms, s or m (e.g. 500ms, 5s)", description,
                    Kind.DURATION, minMillis, maxMillis);
        }

        /** The value of {@code text}; IllegalArgumentException (message optional) when it is not valid. */
        Object read(String text) {
            return switch (kind) {
                case BOOLEAN -> bool(text);
                case SLOT_STACKS -> slotStacks(text);
                case INTEGER -> integer(text, min, max);
                case LEVEL -> level(text);
                case PATH -> path(text);
                case DURATION -> Durations.parse(text, min, max);
            };
        }
    }

    /**
     * The result: the options to run with, the lines to log about what was ignored, and the options set to
     * something other than their default, as {@code key=value} in the order of the option table.
     */
    public record Parsed(AgentOptions options, List<String> problems, List<String> changed) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("enabled", "true",
                    "false leaves the application untouched (no instrumentation)", Kind.BOOLEAN),
            new Spec("slotStacks", "sampled",
                    "record where fixed-file slots are registered: never, every sampleInterval-th, always",
                    Kind.SLOT_STACKS),
            new Spec("sampleInterval", 1024, 1, 1 << 30,
                    "with slotStacks=sampled: every N-th registration records its stack"),
            new Spec("stackDepth", 32, 1, 256, "frames kept per creation stack"),
            new Spec("maxTracked", 50_000, 16, 10_000_000,
                    "cap on rings and slots tracked at once; beyond it new ones are counted as dropped"),
            new Spec("reclaim", "false",
                    "after reporting a ring or slot whose owner is gone, close the ring or release the slot",
                    Kind.BOOLEAN),
            new Spec("jsonLog", "", "also append one JSON object per alert to this file", Kind.PATH),
            new Spec("jfr", "",
                    "record ringwatch.jfc with the agent's own JFR recording, written to this file at exit",
                    Kind.PATH),
            new Spec("logLevel", "info", "the agent's own threshold for its log lines (logger dev.ringwatch)",
                    Kind.LEVEL),
            new Spec("jmx", "true", "register the MBean dev.ringwatch:type=Tracker", Kind.BOOLEAN),
            new Spec("exitSummary", "true",
                    "at JVM exit, log one summary and commit one OpenAtExit event for what is still open",
                    Kind.BOOLEAN),
            new Spec("reconcile", "true",
                    "compare the tracker with the kernel's view (/proc) once per reconcilePeriod and report what"
                            + " differs", Kind.BOOLEAN),
            Spec.duration("reconcilePeriod", "5s", 10, 3_600_000, "time between two reconciler rounds"),
            Spec.duration("stallGrace", "10s", 0, 3_600_000,
                    "time a released slot's tag CQE may take before the release counts as stalled"),
            new Spec("driftThreshold", 64, 1, 1_000_000,
                    "least rise of the kernel's sockets used, unexplained by our own sockets, that counts as"
                            + " socket drift"),
            new Spec("logBurst", 5, 1, 1_000_000, "full leak lines per rule and creation site per logPeriod"),
            Spec.duration("logPeriod", "5s", 100, 3_600_000, "period of logBurst; one summary line per site after"),
            new Spec("pileUpThreshold", 16, 1, 1_000_000,
                    "more rings than this open from one creation site, grown in 3 consecutive pileUpWindows with"
                            + " none closed, is reported as a ring pile-up"),
            Spec.duration("pileUpWindow", "1s", 10, 3_600_000,
                    "time between two counts of the open rings per creation site (ring pile-up rule)"));

    public static List<Spec> specs() {
        return SPECS;
    }

    /** The defaults of every option. */
    public AgentOptions defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Spec s : SPECS) {
            values.put(s.key(), s.read(s.defaultValue()));
        }
        return build(values);
    }

    /**
     * Parses {@code agentArgs} (may be null) and the {@code ringwatch.*} entries of {@code properties}.
     *
     * @throws AgentStartException when the config file cannot be read or is not a JSON object
     */
    public Parsed parse(String agentArgs, Properties properties) {
        List<String> problems = new ArrayList<>();
        Map<String, Source> args = splitAgentArgs(agentArgs, problems);
        Map<String, Source> props = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                String key = name.substring(PROPERTY_PREFIX.length());
                props.put(key, new Source(properties.getProperty(name), "-D" + name));
            }
        }
        Map<String, Source> merged = new LinkedHashMap<>();
        Source config = props.containsKey(CONFIG_KEY) ? props.get(CONFIG_KEY) : args.get(CONFIG_KEY);
        if (config != null) {
            merged.putAll(readConfigFile(config));
        }
        merged.putAll(args);
        merged.putAll(props);
        merged.remove(CONFIG_KEY);

        Map<String, Object> values = new LinkedHashMap<>();
        for (Spec s : SPECS) {
            values.put(s.key(), s.read(s.defaultValue()));
        }
        Map<String, Object> defaults = new LinkedHashMap<>(values);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Source> e : merged.entrySet()) {
            Spec spec = find(e.getKey());
            Source src = e.getValue();
            if (spec == null) {
                unknown.add("'" + e.getKey() + "' (from " + src.origin() + ")" + suggestion(e.getKey()));
                continue;
            }
            try {
                values.put(spec.key(), spec.read(src.value().trim()));
            } catch (IllegalArgumentException bad) {
                problems.add("ringwatch: bad value '" + src.value() + "' for option " + spec.key() + " (from "
                        + src.origin() + "): " + (bad.getMessage() == null ? "" : bad.getMessage() + "; ")
                        + "valid: " + spec.choices() + "; using the default "
                        + (spec.defaultValue().isEmpty() ? "(none)" : spec.defaultValue()));
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(0, unknownLine(unknown));
        }
        List<String> changed = new ArrayList<>();
        for (Spec s : SPECS) {
            Object value = values.get(s.key());
            if (!java.util.Objects.equals(value, defaults.get(s.key()))) {
                changed.add(s.key() + "=" + text(value));
            }
        }
        return new Parsed(build(values), List.copyOf(problems), List.copyOf(changed));
    }

    /** How many unknown keys one line names; the rest are counted (a generated config may hold thousands). */
    private static final int UNKNOWN_NAMED = 5;

    /** One line for all unknown keys, likely typos (those with a suggestion) first. */
    private static String unknownLine(List<String> unknown) {
        if (unknown.size() == 1) {
            return "ringwatch: unknown option " + unknown.get(0) + "; valid options: " + validKeys() + "; ignored";
        }
        List<String> named = new ArrayList<>();
        unknown.stream().filter(u -> u.endsWith("?)")).limit(UNKNOWN_NAMED).forEach(named::add);
        unknown.stream().filter(u -> !u.endsWith("?)")).limit(UNKNOWN_NAMED - named.size()).forEach(named::add);
        int more = unknown.size() - named.size();
        return "ringwatch: " + unknown.size() + " unknown options ignored: " + String.join(", ", named)
                + (more > 0 ? " and " + more + " more" : "") + "; valid options: " + validKeys();
    }

    private record Source(String value, String origin) {
    }

    private static Map<String, Source> splitAgentArgs(String agentArgs, List<String> problems) {
        Map<String, Source> out = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return out;
        }
        for (String part : agentArgs.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                problems.add("ringwatch: agent argument '" + p + "' is not key=value (options are comma-separated"
                        + " key=value pairs, e.g. slotStacks=all,reclaim=true); ignored");
                continue;
            }
            out.put(p.substring(0, eq).trim(), new Source(p.substring(eq + 1), "agent argument"));
        }
        return out;
    }

    private static Map<String, Source> readConfigFile(Source config) {
        Path file = Path.of(config.value().trim());
        String origin = "config file " + file;
        JsonNode root = ConfigFile.read(file, origin + " (option config from " + config.origin() + ")");
        if (root == null || !root.isObject()) {
            throw new AgentStartException("config file " + file + " must hold one JSON object of options,"
                    + " e.g. {\"slotStacks\": \"all\", \"reclaim\": true}");
        }
        Map<String, Source> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isContainerNode() || v.isNull()) {
                // a scalar is expected; the reader reports the rejected text as a bad value
                out.put(e.getKey(), new Source(v.toString(), origin));
            } else {
                out.put(e.getKey(), new Source(v.asText(), origin));
            }
        }
        return out;
    }

    private static Spec find(String key) {
        for (Spec s : SPECS) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    private static String suggestion(String key) {
        for (Spec s : SPECS) {
            if (s.key().equalsIgnoreCase(key) || s.key().equalsIgnoreCase(key + "s")
                    || (s.key() + "s").equalsIgnoreCase(key)) {
                return " (did you mean " + s.key() + "?)";
            }
        }
        return "";
    }

    private static String validKeys() {
        StringBuilder sb = new StringBuilder(CONFIG_KEY);
        for (Spec s : SPECS) {
            sb.append(", ").append(s.key());
        }
        return sb.toString();
    }

    private static AgentOptions build(Map<String, Object> v) {
        return new AgentOptions(
                (Boolean) v.get("enabled"),
                (SlotStacks) v.get("slotStacks"),
                (Integer) v.get("sampleInterval"),
                (Integer) v.get("stackDepth"),
                (Integer) v.get("maxTracked"),
                (Boolean) v.get("reclaim"),
                (Path) v.get("jsonLog"),
                (Path) v.get("jfr"),
                (Level) v.get("logLevel"),
                (Boolean) v.get("jmx"),
                (Boolean) v.get("exitSummary"),
                (Boolean) v.get("reconcile"),
                (Duration) v.get("reconcilePeriod"),
                (Duration) v.get("stallGrace"),
                (Integer) v.get("driftThreshold"),
                (Integer) v.get("logBurst"),
                (Duration) v.get("logPeriod"),
                (Integer) v.get("pileUpThreshold"),
                (Duration) v.get("pileUpWindow"));
    }

    /** A value written the way the option is given. */
    private static String text(Object value) {
        if (value instanceof Duration) {
            return durationText((Duration) value);
        }
        if (value instanceof SlotStacks) {
            return ((SlotStacks) value).optionValue();
        }
        if (value instanceof Level) {
            return ((Level) value).getName().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /** A duration written the way the duration options are given: {@code 500ms}, {@code 5s}, {@code 2m}. */
    public static String durationText(Duration d) {
        return Durations.text((int) Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    // ---- value readers: return the value or throw IllegalArgumentException (message optional) ----------

    private static Object bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        };
    }

    private static Object slotStacks(String s) {
        for (SlotStacks v : SlotStacks.values()) {
            if (v.optionValue().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException();
    }

    private static Object integer(String s, int min, int max) {
        long v;
        try {
            v = Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("out of range");
        }
        return (int) v;
    }

    private static Object level(String s) {
        for (Level l : List.of(Level.OFF, Level.ERROR, Level.WARNING, Level.INFO, Level.DEBUG, Level.TRACE)) {
            if (l.getName().equalsIgnoreCase(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException();
    }

    private static Object path(String s) {
        if (s.isEmpty()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(s).toAbsolutePath();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a file path");
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("directory " + dir + " does not exist");
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(p + " is a directory");
        }
        String refusal = OwnerOnlyFile.refusal(p);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return p;
    }
}
