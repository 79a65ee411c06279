package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ringwatch.jfr.BuildScript.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that writes ringwatch.jfc, run as the build runs it (source launcher). */
class GenerateRingwatchJfcTest {

    private static final Path JDK_DEFAULT = Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc");

    @TempDir
    Path dir;

    @Test
    void mergesAnEventsFileIntoTheJdkDefaults() throws Exception {
        Path events = write("events.jfc", """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="x">
                    <event name="dev.ringwatch.Probe">
                      <setting name="enabled">false</setting>
                      <setting name="stackTrace">true</setting>
                    </event>
                </configuration>
                """);
        Path out = dir.resolve("sub/out.jfc");
        Result result = run(JDK_DEFAULT.toString(), events.toString(), out.toString());
        assertEquals(0, result.exitCode(), result.output());
        var settings = Configuration.create(out).getSettings();
        assertEquals("false", settings.get("dev.ringwatch.Probe#enabled"));
        assertEquals("true", settings.get("dev.ringwatch.Probe#stackTrace"));
        assertEquals(Configuration.create(JDK_DEFAULT).getSettings().size() + 2, settings.size());
    }

    @Test
    void enablesTheNamedEventsUnderTheGivenLabel() throws Exception {
        Path events = write("events.jfc", """
                <configuration version="2.0" label="x">
                    <event name="dev.ringwatch.Probe"><setting name="enabled">false</setting></event>
                    <event name="dev.ringwatch.Other"><setting name="enabled">false</setting></event>
                </configuration>
                """);
        Path out = dir.resolve("out.jfc");
        Result result = run("--label=ringwatch profile", "--enable=dev.ringwatch.Probe", JDK_DEFAULT.toString(),
                events.toString(), out.toString());
        assertEquals(0, result.exitCode(), result.output());
        Configuration written = Configuration.create(out);
        assertEquals("true", written.getSettings().get("dev.ringwatch.Probe#enabled"));
        assertEquals("false", written.getSettings().get("dev.ringwatch.Other#enabled"));
        assertEquals("ringwatch profile", written.getLabel());
    }

    @Test
    void rejectsEnablingAnEventTheEventsFileDoesNotConfigure() throws Exception {
        assertRejected("dev.ringwatch.Probe", "does not configure: [dev.ringwatch.Typo]", "--enable=dev.ringwatch.Typo");
    }

    @Test
    void rejectsAnEventOutsideTheRingwatchNamespace() throws Exception {
        assertRejected("jdk.GarbageCollection", "'jdk.GarbageCollection' is not a dev.ringwatch.* event");
    }

    /** Runs the generator on an events file that configures one event: it must fail, say why, write nothing. */
    private void assertRejected(String configuredEvent, String why, String... options) throws Exception {
        Path events = write("events.jfc", """
                <configuration version="2.0"><event name="%s">
                <setting name="enabled">false</setting></event></configuration>
                """.formatted(configuredEvent));
        Path out = dir.resolve("out.jfc");
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of(JDK_DEFAULT.toString(), events.toString(), out.toString()));
        Result result = run(args.toArray(String[]::new));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(why), result.output());
        assertFalse(Files.exists(out));
    }

    @Test
    void rejectsMalformedXmlNamingTheFile() throws Exception {
        Path events = write("broken.jfc", "<configuration version=\"2.0\"><event name=\"dev.ringwatch.X\">");
        Result result = run(JDK_DEFAULT.toString(), events.toString(), dir.resolve("out.jfc").toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains(events + " is not well-formed XML"), result.output());
    }

    @Test
    void rejectsAMissingJdkDefaultFile() throws Exception {
        Path events = write("events.jfc", "<configuration version=\"2.0\"/>");
        Path missing = dir.resolve("no-such-default.jfc");
        Result result = run(missing.toString(), events.toString(), dir.resolve("out.jfc").toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("cannot read the JDK's default.jfc at " + missing), result.output());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Result run(String... args) throws Exception {
        return BuildScript.run("GenerateRingwatchJfc.java", dir, args);
    }
}
