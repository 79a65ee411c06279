package dev.ringwatch.agent.track;

/**
 * An open ring whose owning thread (an event loop's, named by its adapter) has terminated: nothing will run
 * or close that ring any more.
 *
 * @param threadName the terminated thread
 */
public record RingOutlivedThread(TrackerSnapshot.RingView ring, long ageNanos, String threadName) {
}
