package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.track.Tracker;
import dev.ringwatch.jfr.OpenAtExitEvent;
import dev.ringwatch.jfr.RingStatisticsEvent;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registers the agent's periodic JFR callbacks (RingStatistics, and OpenAtExit at chunk boundaries) once
 * JFR initialises, so that a JVM that never records pays nothing for them.
 */
public final class JfrHooks {
    private JfrHooks() {
    }

    public static void register(Tracker tracker, ExitSummary exit) {
        AtomicBoolean done = new AtomicBoolean();
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override
            public void recorderInitialized(FlightRecorder recorder) {
                if (done.compareAndSet(false, true)) {
                    Events.jfrInitialized();
                    RingStatisticsEvent.addPeriodicHook(e -> Events.statistics(e, tracker.counts()));
                    FlightRecorder.addPeriodicEvent(OpenAtExitEvent.class, exit::onChunkBoundary);
                }
            }
        });
    }
}
