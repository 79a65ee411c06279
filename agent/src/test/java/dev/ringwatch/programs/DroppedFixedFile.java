package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

/**
 * Leaky: a socket registered in a slot of a ring that stays open; the FixedFile handle is dropped
 * without close() (first argument "owner": an explicit owner is dropped while the handle is kept).
 */
public final class DroppedFixedFile {
    static IoUring ring;
    static FileTable files;
    static FixedFile keptHandle;

    public static void main(String[] args) {
        boolean explicitOwner = args.length > 0 && args[0].equals("owner");
        ring = IoUring.builder().entries(8).build();
        files = ring.registerFiles(8);
        files.register(Child.openDevNull(), null).close();       // slot 0: clean
        int sock = Child.socket();
        register(sock, explicitOwner);                           // slot 0 again, leaked
        Child.print("SOCKET_FD", sock);
        Child.settle(1);
        Child.print("OCCUPIED_AFTER", files.occupied());
        Child.print("RING_OPEN", !ring.isClosed());
    }

    private static void register(int fd, boolean explicitOwner) {
        if (explicitOwner) {
            keptHandle = files.register(fd, new StringBuilder("owner")); // the owner is dropped at once
        } else {
            files.register(fd, null);                                    // the handle is dropped at once
        }
    }
}
