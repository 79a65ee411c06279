package dev.ringwatch.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the JSON file named by {@code config=} so that it can never keep the application from starting:
 * only a regular file is opened (a FIFO blocks in open, {@code /dev/zero} never ends, {@code /dev/stdin}
 * waits for a writer), at most {@link #MAX_BYTES} of it are read, and the JSON is strict (one object,
 * nothing after it, no key twice), because a silently ignored half of a config is worse than none.
 */
final class ConfigFile {
    /** Far above any real config (a few hundred bytes); bounds the time and heap spent at start-up. */
    static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigFile() {
    }

    /**
     * @param what how messages name the file, e.g. {@code config file /x.json (option config from -D...)}
     * @throws AgentStartException (message {@code cannot read <what>: <why>}) when the file is not a regular file, too large, unreadable or not strict JSON
     */
    static JsonNode read(Path file, String what) {
        byte[] bytes = boundedBytes(file, what);
        try {
            return STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new AgentStartException("cannot read " + what + ": not valid JSON" + where(e.getLocation()) + ": "
                    + explain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new AgentStartException("cannot read " + what + ": " + e.getClass().getSimpleName());
        }
    }

    private static byte[] boundedBytes(Path file, String what) {
        BasicFileAttributes attributes;
        try {
            // follows links on purpose: a config may be a link to a regular file, /dev/stdin is a link to a pipe
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannotRead(what, e);
        }
        if (!attributes.isRegularFile()) {
            throw new AgentStartException("cannot read " + what + ": not a regular file (a FIFO, device or socket would block or"
                    + " never end); give the path of a JSON file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(what, attributes.size());
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(what, bytes.length);   // grew after the check
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(what, e);
        }
    }

    private static AgentStartException tooLarge(String what, long size) {
        return new AgentStartException("cannot read " + what + ": larger than 1 MiB (" + size + " bytes); a config file holds a"
                + " few options");
    }

    private static AgentStartException cannotRead(String what, IOException e) {
        String message = e.getMessage() == null || e.getMessage().equals(e.getClass().getSimpleName()) ? ""
                : ": " + OneLine.of(e.getMessage());
        return new AgentStartException("cannot read " + what + ": " + e.getClass().getSimpleName() + message);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's wording names its own features; say what is wrong with the file instead. */
    private static String explain(String jackson) {
        String message = OneLine.of(jackson);
        if (message.startsWith("Duplicate field '")) {
            String key = message.substring("Duplicate field '".length(), message.indexOf('\'', 17));
            return "duplicate key '" + key + "' (each option may appear once)";
        }
        if (message.startsWith("Trailing token")) {
            return "text after the JSON object (" + message + ")";
        }
        return message;
    }
}
