package dev.ringwatch.ring;

/** {@link IoUring#nextSqe()} found no free SQE: submit what is queued (and, under SQPOLL, let the thread drain it). */
public class SubmissionQueueFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SubmissionQueueFullException(String ring, int entries) {
        super("submission queue of " + ring + " is full (" + entries + " entries): call submit() before nextSqe()");
    }
}
