package dev.ringwatch.agent.probe;

import dev.ringwatch.agent.track.TrackerSnapshot;

/** One string per ring or slot registration, the same in every snapshot while it lives. */
final class ResourceKeys {
    private ResourceKeys() {
    }

    static String ring(TrackerSnapshot.RingView r) {
        return "ring " + r.ringId();
    }

    /** A slot index is reused; its registration is told apart by creation time and fd. */
    static String slot(TrackerSnapshot.RingView r, TrackerSnapshot.SlotView s) {
        return "slot " + r.ringId() + ":" + s.slot() + ":" + s.fd() + ":" + s.createdNanos();
    }
}
