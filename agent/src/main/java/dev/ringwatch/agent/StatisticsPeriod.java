package dev.ringwatch.agent;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.jfr.RingStatisticsEvent;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Makes RingStatistics come once per {@code reconcilePeriod}, as OPTIONS.md says, in every recording that
 * does not choose its own period for it. RingStatistics is a JFR periodic event, so JFR asks for it at the
 * recording's setting, which is the event's built-in {@code 5 s} unless the recording says otherwise: a
 * recording that names no period (default.jfc knows nothing of ringwatch) or the shipped {@code 5 s}
 * (ringwatch.jfc) gets the agent's period; a period the user chose (e.g.
 * {@code +dev.ringwatch.RingStatistics#period=1s}) is kept, and so is a recording that disables the event.
 */
final class StatisticsPeriod {
    private static final String PERIOD = RingStatisticsEvent.NAME + "#period";
    private static final String ENABLED = RingStatisticsEvent.NAME + "#enabled";
    /** The @Period of RingStatisticsEvent and the value ringwatch.jfc ships. */
    private static final String BUILT_IN = "5 s";

    private StatisticsPeriod() {
    }

    /** Applies {@code period} to the recordings running now and to every recording started later. */
    static void follow(Duration period) {
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override
            public void recorderInitialized(FlightRecorder recorder) {
                // a -XX:StartFlightRecording recording may be running before the agent got here
                for (Recording r : recorder.getRecordings()) {
                    apply(r, period);
                }
            }

            @Override
            public void recordingStateChanged(Recording recording) {
                apply(recording, period);
            }
        });
    }

    private static void apply(Recording recording, Duration period) {
        try {
            if (recording.getState() != RecordingState.RUNNING) {
                return;
            }
            String chosen = recording.getSettings().get(PERIOD);
            if ((chosen == null || chosen.equals(BUILT_IN)) && !"false".equals(recording.getSettings().get(ENABLED))) {
                recording.enable(RingStatisticsEvent.class).withPeriod(period);
            }
        } catch (RuntimeException e) {
            // a recording closed meanwhile: it keeps the built-in period, nothing else is affected
            AgentLog.log(Level.DEBUG, "ringwatch: RingStatistics period not applied to recording "
                    + recording.getName() + " (" + e + ")");
        }
    }
}
