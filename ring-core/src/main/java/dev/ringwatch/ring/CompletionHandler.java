package dev.ringwatch.ring;

/** Receives one completion: the SQE's user data, the result (negative errno on failure) and CQE flags. */
@FunctionalInterface
public interface CompletionHandler {
    /**
     * Receives one completion.
     * @param userData the SQE's user data
     * @param res the result: {@code >= 0} on success (e.g. bytes read), {@code -errno} on failure ({@link Errno#name(int)})
     * @param flags {@link CqeFlags} bits, e.g. {@link CqeFlags#MORE} while a multishot request stays armed
     */
    void handle(long userData, int res, int flags);
}
