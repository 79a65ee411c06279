package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.log.AgentLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.agent.files.OwnerOnlyFile;
import dev.ringwatch.agent.finding.Finding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends one JSON object per line to a file (option jsonLog), for log shippers. Opened on the first
 * alert, flushed after each line; a write failure is logged once and turns the file off.
 */
public final class JsonLines {
    private final Path file;
    private ObjectMapper mapper;
    private Writer out;
    private boolean failed;

    public JsonLines(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * One finding, whatever rule found it, in the one shape every leak line has:
     * {@code {"time","type":"leak","rule":<title>,"finding":{<the finding's fields, named as in its JFR
     * event>},"message":<the log line>}}; an untracked ring that is not a leak has type {@code untracked}.
     */
    public void finding(Finding finding, String message) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", finding.rule().title());
        f.put("finding", finding);
        f.put("message", message);
        write(finding instanceof Finding.UntrackedRing && !((Finding.UntrackedRing) finding).isLeak()
                ? "untracked" : "leak", f);
    }

    /** Writes {@code fields} after a {@code time} and a {@code type} field. */
    public synchronized void write(String type, Map<String, Object> fields) {
        if (failed) {
            return;
        }
        try {
            if (out == null) {
                mapper = new ObjectMapper();
                out = new BufferedWriter(Channels.newWriter(OwnerOnlyFile.openForAppend(file), StandardCharsets.UTF_8));
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.now().toString());
            line.put("type", type);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                Object v = field.getValue();
                line.put(field.getKey(), v instanceof Finding ? findingFields((Finding) v) : v);
            }
            out.write(mapper.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException | RuntimeException e) {
            failed = true;
            AgentLog.log(Level.WARNING, "ringwatch: cannot write JSON lines to " + file + " (" + e
                    + "); alerts go to the log only from now on");
        }
    }

    /**
     * The finding's components, plus the event's {@code reason} where its event has one; a tag as an unsigned
     * decimal string (a 64-bit tag such as 0x5257000000000002 does not survive a double, as in jq).
     */
    private Map<String, Object> findingFields(Finding finding) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = mapper.convertValue(finding, LinkedHashMap.class);
        if (finding instanceof Finding.RingLeak) {
            fields.put("reason", ((Finding.RingLeak) finding).reason());
        } else if (finding instanceof Finding.SlotLeak) {
            fields.put("reason", ((Finding.SlotLeak) finding).reason());
        }
        Object tag = fields.get("tag");
        if (tag instanceof Number) {
            fields.put("tag", Long.toUnsignedString(((Number) tag).longValue()));
        }
        return fields;
    }

    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing to save at exit
            }
        }
    }
}
