package dev.ringwatch.sample.cli;

import java.util.Map;

/** Option values after parsing, defaults filled in. Asking for an undeclared option is a programming error. */
public final class ParsedOptions {
    private final Map<String, Object> values;
    private final boolean helpRequested;

    ParsedOptions(Map<String, Object> values, boolean helpRequested) {
        this.values = values;
        this.helpRequested = helpRequested;
    }

    public boolean helpRequested() {
        return helpRequested;
    }

    public int intValue(String name) {
        return (Integer) get(name);
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    public String string(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no option --" + name + " was declared");
        }
        return values.get(name);
    }
}
