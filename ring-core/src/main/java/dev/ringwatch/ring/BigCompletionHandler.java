package dev.ringwatch.ring;

/** Receives one 32-byte completion (rings built with {@code cqe32()}): the 16 extra bytes as two longs. */
@FunctionalInterface
public interface BigCompletionHandler {
    void handle(long userData, int res, int flags, long extra0, long extra1);
}
