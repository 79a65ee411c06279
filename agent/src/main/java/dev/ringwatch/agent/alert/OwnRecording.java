package dev.ringwatch.agent.alert;

import dev.ringwatch.jfr.RingwatchSettings;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The agent's own JFR recording (option jfr): ringwatch.jfc settings, written to the given file when the
 * JVM exits, after the exit summary was committed.
 */
public final class OwnRecording {
    private final Recording recording;
    private final Path file;

    private OwnRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    public static OwnRecording start(Path file) throws IOException, ParseException {
        Recording r = new Recording(RingwatchSettings.full());
        r.setName("ringwatch");
        r.setToDisk(true);
        // With a destination, a stop by JFR's own shutdown hook (should it come first) writes the file too.
        r.setDestination(file);
        r.start();
        return new OwnRecording(r, file);
    }

    public Path file() {
        return file;
    }

    /** Stops the recording, which writes it to the file; a no-op if JFR's shutdown stopped it already. */
    public void stop() {
        try {
            if (recording.getState() == RecordingState.RUNNING) {
                recording.stop();
            }
        } catch (IllegalStateException alreadyStopped) {
            // JFR's shutdown hook got there first; it wrote the destination itself
        } catch (RuntimeException e) {
            AgentLog.log(Level.WARNING, "ringwatch: could not write the JFR recording to " + file + ": " + e);
        }
    }
}
