package dev.ringwatch.agent.track;

/**
 * What the advice reads off a freshly set-up ring. Plain values: the tracker never links against
 * ring-core, so it works whichever class loader loaded the application's ring-core.
 *
 * @param mappings address, length pairs
 */
public record RingFacts(long id, int fd, int flags, String flagNames, boolean sqpoll, int sqEntries, int cqEntries,
                        int sqThreadIdleMillis, String ownerClass, boolean explicitOwner, long attachedRingId,
                        long[] mappings) {
}
