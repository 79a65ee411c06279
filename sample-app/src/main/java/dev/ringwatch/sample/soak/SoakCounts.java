package dev.ringwatch.sample.soak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the soak's workers did, and what they deliberately leaked: the figures the agent's report is checked against. */
final class SoakCounts {
    final LongAdder rings = new LongAdder();
    final LongAdder sqpollRings = new LongAdder();
    final LongAdder slots = new LongAdder();
    final LongAdder nops = new LongAdder();
    /** Rings dropped without close(), by kind: each must give one {@code ring outlived owner}. */
    final LongAdder leakedRings = new LongAdder();
    final LongAdder leakedSqpollRings = new LongAdder();
    /** Slots whose handle (their owner) was dropped without close(): each must give one {@code slot outlived owner}. */
    final LongAdder leakedSlots = new LongAdder();
    /** Throwables that reached the application's code, by class and first message. */
    final Map<String, LongAdder> exceptions = new ConcurrentHashMap<>();

    void exception(Throwable t) {
        String key = t.getClass().getName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        exceptions.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    long leaksMade() {
        return leakedRings.sum() + leakedSqpollRings.sum() + leakedSlots.sum();
    }

    long exceptionCount() {
        return exceptions.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
