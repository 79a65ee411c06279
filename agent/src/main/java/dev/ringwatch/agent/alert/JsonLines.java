package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.log.AgentLog;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Writes {@code fields} after a {@code time} and a {@code type} field. */
    public synchronized void write(String type, Map<String, Object> fields) {
        if (failed) {
            return;
        }
        try {
            if (out == null) {
                mapper = new ObjectMapper();
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.now().toString());
            line.put("type", type);
            line.putAll(fields);
            out.write(mapper.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException | RuntimeException e) {
            failed = true;
            AgentLog.log(Level.WARNING, "ringwatch: cannot write JSON lines to " + file + " (" + e
                    + "); alerts go to the log only from now on");
        }
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
