package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.util.ArrayList;
import java.util.List;

/**
 * A JVM that lives about a second, far less than two reconciler periods at the default 5 s: two sockets
 * registered into slots, their fds then closed, the ring left open at exit.
 */
public final class ShortLivedFdClosed {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) {
        IoUring ring = IoUring.builder().entries(8).build();
        FileTable table = ring.registerFiles(4);
        KEEP.add(ring);
        for (int i = 0; i < 2; i++) {
            int socket = Child.socket();
            Object owner = new Object();
            FixedFile slot = table.register(socket, owner);
            KEEP.add(owner);
            KEEP.add(slot);
            Child.close(socket);
        }
        Child.sleep(1000);
        Child.print("KERNEL_LEAKS_BEFORE_EXIT", Child.tracker("KernelLeaks"));
    }
}
