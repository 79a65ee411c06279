package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

/** One open ring for {@code args[0]} milliseconds, then closed: a quiet JVM for periodic events. */
public final class Lingers {
    public static void main(String[] args) throws InterruptedException {
        try (IoUring ring = IoUring.builder().entries(8).build()) {
            Thread.sleep(Long.parseLong(args[0]));
            Child.print("RING_FD", ring.fd());
        }
    }
}
