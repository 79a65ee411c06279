package dev.ringwatch.agent.model;

/** A view of one ring (the tracker's, the reconciler's): its facts, and the three every caller reads. */
public interface WithRingFacts {
    RingFacts facts();

    default long id() {
        return facts().id();
    }

    default int fd() {
        return facts().fd();
    }

    default boolean sqpoll() {
        return facts().sqpoll();
    }
}
