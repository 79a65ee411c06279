package dev.ringwatch.agent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The report as one JSON document: {@link RecordingReport} serialized as is, so the field names are
 * the record components' names, in declaration order. Instants are ISO-8601 strings (Instant.toString,
 * UTC); the JDK's java.time module of Jackson is not needed for that one type.
 */
final class JsonReportWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("ringwatch-report").addSerializer(Instant.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReportWriter() {
    }

    static String toJson(RecordingReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            // only records, strings, numbers and lists: failing here is a bug in the model, not bad input
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
    }

    static void write(RecordingReport report, PrintStream out) {
        out.println(toJson(report));
        out.flush();
    }
}
