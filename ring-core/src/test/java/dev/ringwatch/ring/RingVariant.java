package dev.ringwatch.ring;

import java.time.Duration;

/** Every operation test runs on each kind of ring, since SQPOLL and big entries change the code paths. */
enum RingVariant {
    DEFAULT, SQPOLL, SQE128, CQE32, SQPOLL_SQE128_CQE32;

    IoUring build(int entries) {
        IoUringBuilder b = IoUring.builder().entries(entries);
        switch (this) {
            case SQPOLL -> b.sqpoll(Duration.ofMillis(20));
            case SQE128 -> b.sqe128();
            case CQE32 -> b.cqe32();
            case SQPOLL_SQE128_CQE32 -> b.sqpoll(Duration.ofMillis(20)).sqe128().cqe32();
            default -> {
            }
        }
        return b.build();
    }
}
