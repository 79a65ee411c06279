package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.files.OwnerOnlyFile;
import dev.ringwatch.jfr.RingwatchSettings;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The agent's own JFR recording (option jfr): ringwatch.jfc settings, written to the given file when the
 * JVM exits, after the exit summary was committed.
 */
public final class OwnRecording {
    private OwnRecording() {
    }

    /** Starts the recording; JFR writes it to {@code file} at exit, after the exit summary got in. */
    public static void start(Path file) throws IOException, ParseException {
        Recording r = new Recording(RingwatchSettings.full());
        r.setName("ringwatch");
        r.setToDisk(true);
        // JFR's own shutdown hook writes it: stopping it from our hook raced that hook, which clears the
        // repository, and left an empty file. OpenAtExit still gets in through its end-of-chunk callback.
        // JFR creates the destination with the umask's permissions and follows links: create it 0600 first,
        // refusing a link, so that JFR truncates and fills the file we made
        OwnerOnlyFile.createIfAbsent(file);
        r.setDestination(file);
        r.setDumpOnExit(true);
        r.start();
    }
}
