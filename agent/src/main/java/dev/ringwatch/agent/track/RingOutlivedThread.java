package dev.ringwatch.agent.track;

import dev.ringwatch.agent.finding.Finding;

/**
 * An open ring whose owning thread (an event loop's, named by its adapter) has terminated: nothing will run
 * or close that ring any more.
 *
 * @param threadName the terminated thread
 */
public record RingOutlivedThread(TrackerSnapshot.RingView ring, long ageNanos, String threadName) {
    /** This leak in the vocabulary every sink speaks. */
    public Finding.RingOutlivedThread finding() {
        return new Finding.RingOutlivedThread(ring.facts().library(), ring.ringId(), ring.ringFd(),
                ring.facts().setupFlags(), ring.sqpoll(), ring.facts().ownerClass(), ring.creatingThread(),
                ageNanos, CreationSite.framesText(ring.site()), ring.facts().mappedBytes(), (int) ring.occupiedSlots(),
                ring.facts().sqEntries(), threadName);
    }
}
