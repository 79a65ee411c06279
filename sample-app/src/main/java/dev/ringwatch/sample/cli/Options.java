package dev.ringwatch.sample.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options one subcommand accepts: {@code --name value}, {@code --name=value} or a bare {@code --flag}.
 * Parsing rejects unknown options, missing or malformed values, values out of range and repeated
 * options, each with a message that names the option.
 */
public final class Options {
    private enum Kind { INT, FLAG, STRING }

    private record Spec(String name, Kind kind, Object defaultValue, int min, int max, String valueName, String help) {
    }

    private final String command;
    private final Map<String, Spec> specs = new LinkedHashMap<>();

    public Options(String command) {
        this.command = command;
    }

    /** An integer option in {@code [min, max]}. */
    public Options intOption(String name, String valueName, int defaultValue, int min, int max, String help) {
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("default of --" + name + " outside its range");
        }
        return add(new Spec(name, Kind.INT, defaultValue, min, max, valueName, help));
    }

    /** A switch without a value; false unless given. */
    public Options flag(String name, String help) {
        return add(new Spec(name, Kind.FLAG, Boolean.FALSE, 0, 0, null, help));
    }

    /** A free-form string option; {@code defaultValue} may be null (absent). */
    public Options stringOption(String name, String valueName, String defaultValue, String help) {
        return add(new Spec(name, Kind.STRING, defaultValue, 0, 0, valueName, help));
    }

    private Options add(Spec spec) {
        if (specs.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalArgumentException("option --" + spec.name() + " declared twice");
        }
        return this;
    }

    /** The declared option names, without the leading dashes, in declaration order. */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    public ParsedOptions parse(String[] args) throws UsageException {
        Map<String, Object> values = new HashMap<>();
        for (Spec s : specs.values()) {
            values.put(s.name(), s.defaultValue());
        }
        List<String> seen = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            Spec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("unknown option '--" + name + "'; " + command + " accepts " + optionList());
            }
            if (seen.contains(name)) {
                throw new UsageException("option --" + name + " given twice");
            }
            seen.add(name);
            if (spec.kind() == Kind.FLAG) {
                if (eq >= 0) {
                    throw new UsageException("option --" + name + " takes no value, got '" + arg.substring(eq + 1) + "'");
                }
                values.put(name, Boolean.TRUE);
                continue;
            }
            String raw;
            if (eq >= 0) {
                raw = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                raw = args[++i];
            } else {
                throw new UsageException("option --" + name + " needs a value (" + spec.valueName() + ")");
            }
            values.put(name, convert(spec, raw));
        }
        return new ParsedOptions(values, help);
    }

    private static Object convert(Spec spec, String raw) throws UsageException {
        if (spec.kind() == Kind.STRING) {
            if (raw.isEmpty()) {
                throw new UsageException("option --" + spec.name() + " needs a non-empty value (" + spec.valueName() + ")");
            }
            return raw;
        }
        long v;
        try {
            v = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + spec.name() + " expects a whole number from " + spec.min() + " to "
                    + spec.max() + ", got '" + raw + "'");
        }
        if (v < spec.min() || v > spec.max()) {
            throw new UsageException("option --" + spec.name() + " must be from " + spec.min() + " to " + spec.max()
                    + ", got " + v);
        }
        return (int) v;
    }

    private String optionList() {
        StringBuilder b = new StringBuilder();
        for (String n : specs.keySet()) {
            b.append(b.isEmpty() ? "" : ", ").append("--").append(n);
        }
        return b.isEmpty() ? "no options but --help" : b.append(" and --help").toString();
    }

    /** One line per option: name, value, help, range and default. */
    public void printHelp(PrintStream out) {
        out.println("Options:");
        int width = 0;
        for (Spec s : specs.values()) {
            width = Math.max(width, left(s).length());
        }
        width = Math.max(width, "--help".length());
        for (Spec s : specs.values()) {
            out.printf("  %-" + width + "s  %s%s%n", left(s), s.help(), detail(s));
        }
        out.printf("  %-" + width + "s  %s%n", "--help", "show this help and exit");
    }

    private static String left(Spec s) {
        return s.kind() == Kind.FLAG ? "--" + s.name() : "--" + s.name() + " " + s.valueName();
    }

    private static String detail(Spec s) {
        return switch (s.kind()) {
            case FLAG -> "";
            case INT -> " [" + s.min() + ".." + s.max() + ", default " + s.defaultValue() + "]";
            case STRING -> s.defaultValue() == null ? "" : " [default " + s.defaultValue() + "]";
        };
    }
}
