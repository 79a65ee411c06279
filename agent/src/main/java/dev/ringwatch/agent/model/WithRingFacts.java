package dev.ringwatch.agent.model;

/** A view of one ring (the tracker's, the reconciler's): its facts, and the three every caller reads. */
public interface WithRingFacts {
    RingFacts facts();

    default long ringId() {
        return facts().ringId();
    }

    default int ringFd() {
        return facts().ringFd();
    }

    default boolean sqpoll() {
        return facts().sqpoll();
    }
}
