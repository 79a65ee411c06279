package dev.ringwatch.agent.it;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one child JVM printed and recorded. */
record ChildRun(String label, Path dir, int exitCode, String stdout, String stderr, Path jfr) {

    /** {@code CHILD key=value} lines of the program. */
    Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("CHILD ")) {
                int eq = line.indexOf('=');
                v.put(line.substring(6, eq), line.substring(eq + 1).trim());
            }
        }
        return v;
    }

    String value(String key) {
        String v = values().get(key);
        if (v == null) {
            throw new AssertionError(label + ": the program printed no " + key + "; " + where());
        }
        return v;
    }

    /** The agent's log records whose message starts with {@code prefix} (java.util.logging's format). */
    List<String> logRecords(String prefix) {
        List<String> records = new ArrayList<>();
        String[] lines = stderr.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon > 0 && lines[i].substring(colon + 2).startsWith(prefix)
                    && lines[i].substring(0, colon).matches("[A-Z]+")) {
                StringBuilder rec = new StringBuilder(lines[i].substring(colon + 2));
                while (i + 1 < lines.length && lines[i + 1].startsWith("\t")) {
                    rec.append('\n').append(lines[++i]);
                }
                records.add(rec.toString());
            }
        }
        return records;
    }

    List<String> leakLines(String rule) {
        return logRecords("ringwatch LEAK " + rule + ":");
    }

    List<RecordedEvent> events(String name) throws IOException {
        if (jfr == null) {
            throw new AssertionError(label + ": no recording was written; " + where());
        }
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    List<RecordedEvent> ringwatchEvents() throws IOException {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().startsWith("dev.ringwatch.")) {
                out.add(e);
            }
        }
        return out;
    }

    String where() {
        return "exit " + exitCode + ", output in " + dir + "\n--- stdout\n" + tail(stdout) + "\n--- stderr\n" + tail(stderr);
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
    }
}
