package dev.ringwatch.ring;

/** Receives one 32-byte completion (rings built with {@code cqe32()}): the 16 extra bytes as two longs. */
@FunctionalInterface
public interface BigCompletionHandler {
    /**
     * Receives one completion.
     * @param userData the SQE's user data
     * @param res the result: {@code >= 0} on success, {@code -errno} on failure
     * @param flags {@link CqeFlags} bits
     * @param extra0 the first 8 extra bytes
     * @param extra1 the second 8 extra bytes
     */
    void handle(long userData, int res, int flags, long extra0, long extra1);
}
