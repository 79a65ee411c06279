package dev.ringwatch.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import jdk.jfr.Configuration;

/**
 * The JFR settings files shipped in this jar:
 * <ul>
 *   <li>{@value #FULL_RESOURCE}: the building JDK's default.jfc, unchanged, plus every ringwatch
 *       event; generated at build time. Use it as the one settings file of a recording.</li>
 *   <li>{@value #PROFILE_RESOURCE}: the building JDK's profile.jfc plus every ringwatch event,
 *       the per-call {@code FileSlotUpdated} included; for troubleshooting, not for always-on use.</li>
 *   <li>{@value #EVENTS_ONLY_RESOURCE}: ringwatch's events only, to combine with another settings
 *       file (e.g. {@code settings=profile,settings=ringwatch-events.jfc}).</li>
 * </ul>
 */
public final class RingwatchSettings {

    /** Class-path resource name of ringwatch.jfc (JDK defaults plus ringwatch events). */
    public static final String FULL_RESOURCE = "dev/ringwatch/jfr/ringwatch.jfc";
    /** Class-path resource name of ringwatch-profile.jfc (JDK profile settings plus all ringwatch events). */
    public static final String PROFILE_RESOURCE = "dev/ringwatch/jfr/ringwatch-profile.jfc";
    /** Class-path resource name of ringwatch-events.jfc (ringwatch events only). */
    public static final String EVENTS_ONLY_RESOURCE = "dev/ringwatch/jfr/ringwatch-events.jfc";

    private RingwatchSettings() {
    }

    /** Parses ringwatch.jfc: the JDK's default settings plus ringwatch's events. */
    public static Configuration full() throws IOException, ParseException {
        return load(FULL_RESOURCE);
    }

    /** Parses ringwatch-profile.jfc: the JDK's profile settings plus every ringwatch event, per-call ones on. */
    public static Configuration profile() throws IOException, ParseException {
        return load(PROFILE_RESOURCE);
    }

    /** Parses ringwatch-events.jfc: ringwatch's events only. */
    public static Configuration eventsOnly() throws IOException, ParseException {
        return load(EVENTS_ONLY_RESOURCE);
    }

    private static Configuration load(String resource) throws IOException, ParseException {
        InputStream in = RingwatchSettings.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IOException("JFR settings resource " + resource + " is missing from the class path"
                    + " (the jfr-events build generates it; was the jar built with Maven?)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Configuration.create(reader);
        }
    }
}
