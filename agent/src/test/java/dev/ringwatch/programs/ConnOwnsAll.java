package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;

/**
 * Leaky: a connection object owns its SQPOLL ring and its two slots (explicit owner for all three) and
 * is dropped without closing them: one severe ring leak, the slots covered by it.
 */
public final class ConnOwnsAll {
    static final class Conn {
        final IoUring ring;
        final FixedFile a;
        final FixedFile b;

        Conn(int fd) {
            ring = IoUring.builder().entries(16).sqpoll(Duration.ofMillis(10)).owner(this).build();
            FileTable files = ring.registerFiles(4);
            a = files.register(fd, this);
            b = files.register(fd, this);
        }
    }

    public static void main(String[] args) {
        new Conn(Child.openDevNull());
        Child.settle(1);
    }
}
