package dev.ringwatch.ring;

/** Receives one completion: the SQE's user data, the result (negative errno on failure) and CQE flags. */
@FunctionalInterface
public interface CompletionHandler {
    void handle(long userData, int res, int flags);
}
