package dev.ringwatch.agent.model;

import java.util.Objects;

/**
 * What an adapter knows about a ring it saw set up, in the one set of names every later stage uses
 * (tracker record, snapshot, reconciler view, JFR event, JSON line): the {@code RingCreated} event's field names. Plain values: the tracker never
 * links against a ring library, so it works whichever class loader loaded the application's library.
 *
 * @param library            which library made the ring: {@link #RING_CORE}, {@link #NETTY}, {@link #NETTY_INCUBATOR}, ...
 * @param ringId             the ring's id, unique in the JVM; 0 from an adapter whose library has no ids: the
 *                           tracker then assigns one (see {@code Tracker.ringOpened})
 * @param ringFd             the ring's fd
 * @param setupFlagsRaw      IORING_SETUP_* flags as the kernel got them
 * @param setupFlags         the same flags as text, e.g. {@code SQPOLL|SQE128}, or {@code none}
 * @param sqpoll             set up with IORING_SETUP_SQPOLL
 * @param sqEntries          submission queue entries
 * @param cqEntries          completion queue entries
 * @param sqThreadIdleMillis sq_thread_idle in ms; 0 means the kernel's default of 1 s
 * @param attachedRingId     id of the ring given to ATTACH_WQ, 0 when none
 * @param ownerClass         class of the object whose life bounds the ring (the ring's own class when it owns itself)
 * @param explicitOwner      whether the application named an owner other than the ring object
 * @param mappings           address, length pairs of the ring's mappings (empty when the adapter cannot see them)
 */
public record RingFacts(String library, long ringId, int ringFd, int setupFlagsRaw, String setupFlags, boolean sqpoll,
                        int sqEntries, int cqEntries, int sqThreadIdleMillis, long attachedRingId, String ownerClass,
                        boolean explicitOwner, long[] mappings) {
    public static final String RING_CORE = "ring-core";
    public static final String NETTY = "netty";
    public static final String NETTY_INCUBATOR = "netty-incubator";
    private static final long[] NO_MAPPINGS = new long[0];

    public RingFacts {
        library = Objects.requireNonNullElse(library, "");
        setupFlags = Objects.requireNonNullElse(setupFlags, "none");
        ownerClass = Objects.requireNonNullElse(ownerClass, "");
        mappings = mappings == null ? NO_MAPPINGS : mappings;
    }

    /** The same facts under the id the tracker assigned. */
    public RingFacts withId(long newId) {
        return new RingFacts(library, newId, ringFd, setupFlagsRaw, setupFlags, sqpoll, sqEntries, cqEntries,
                sqThreadIdleMillis, attachedRingId, ownerClass, explicitOwner, mappings);
    }

    /** The setup flags as text, empty (not {@code none}) when there are none. */
    public String setupFlagText() {
        return setupFlags.equals("none") ? "" : setupFlags;
    }

    /** Bytes the ring mapped at set-up, by its {@link #mappings}. */
    public long mappedBytes() {
        long sum = 0;
        for (int i = 1; i < mappings.length; i += 2) {
            sum += mappings[i];
        }
        return sum;
    }
}
