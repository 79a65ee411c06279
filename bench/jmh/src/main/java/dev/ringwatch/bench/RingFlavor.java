package dev.ringwatch.bench;

import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.IoUringBuilder;

/**
 * Which ring a benchmark builds, so that both comparisons run from one jar: {@code defaults} is what
 * {@code IoUring.builder()} gives a user (IORING_SETUP_NO_SQARRAY); {@code liburing} switches ring-core's own
 * defaults off, leaving what {@code io_uring_queue_init(entries, &ring, 0)} sets up (no setup flags, the ring
 * fd not registered): the ring of the C baselines, for the same-flags comparison.
 */
final class RingFlavor {
    static final String DEFAULTS = "defaults", LIBURING = "liburing";
    static final String NAMES = DEFAULTS + "|" + LIBURING;

    private RingFlavor() {
    }

    static IoUringBuilder builder(String flavor) {
        IoUringBuilder b = IoUring.builder();
        return switch (flavor) {
            case DEFAULTS -> b;
            case LIBURING -> b.noSqArray(false);
            default -> throw new IllegalArgumentException("unknown ring flavor '" + flavor + "' (" + NAMES + ")");
        };
    }
}
