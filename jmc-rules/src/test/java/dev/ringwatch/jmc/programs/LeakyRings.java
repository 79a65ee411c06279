package dev.ringwatch.jmc.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;
import java.time.Duration;

/**
 * Leaky: two SQPOLL rings and one plain ring dropped without close(), and one fixed-file slot whose owner is
 * dropped while the slot still holds /dev/null. Exits once the agent has reported all four.
 */
public final class LeakyRings {
    public static void main(String[] args) throws Throwable {
        openSqpollRing();
        openSqpollRing();
        IoUring.builder().entries(8).build(); // dropped at once
        IoUring kept = IoUring.builder().entries(8).build();
        FileTable files = kept.registerFiles(4);
        files.register(DevNull.open(), new Object()); // its owner is gone at once; the slot keeps the file
        AgentCounters.awaitLeaks(3, 1);
        System.out.println("LEAKED " + kept.fd());
    }

    private static void openSqpollRing() {
        IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).build(); // dropped without close()
    }
}
