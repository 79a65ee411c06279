package dev.ringwatch.jmc.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import java.time.Duration;

/** Clean: an SQPOLL ring and a plain one, a slot registered and released, everything closed. */
public final class CleanRings {
    public static void main(String[] args) throws Throwable {
        try (IoUring sqpoll = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).build();
             IoUring plain = IoUring.builder().entries(8).build()) {
            FileTable files = plain.registerFiles(4);
            FixedFile slot = files.register(DevNull.open(), null);
            slot.close();
            System.out.println("CLEAN " + sqpoll.fd() + " " + plain.fd());
        }
    }
}
