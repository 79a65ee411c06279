package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run with a small {@code maxTracked}: 40 rings made through ring-core (every fourth SQPOLL), each with a socket
 * in a fixed-file slot, kept open over several reconciler rounds, then all closed properly. With argument
 * {@code raw}, one ring set up by a raw syscall lives beside them (the one true untracked ring).
 */
public final class CapRings {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("raw")) {
            KEEP.add(RawCalls.ioUringSetup(4));
        }
        List<IoUring> rings = new ArrayList<>();
        List<FixedFile> slots = new ArrayList<>();
        List<Integer> sockets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            var b = IoUring.builder().entries(8);
            if (i % 4 == 0) {
                b.sqpoll(Duration.ofMillis(20));
            }
            IoUring ring = b.build();
            FileTable table = ring.registerFiles(2);
            int socket = Child.socket();
            sockets.add(socket);
            slots.add(table.register(socket, null));
            rings.add(ring);
        }
        KernelRules.awaitMBean();
        Child.sleep(1500); // many reconciler rounds with all of them open
        for (FixedFile f : slots) {
            f.close();
        }
        for (int s : sockets) {
            Child.close(s);
        }
        for (IoUring r : rings) {
            r.close();
        }
        Child.sleep(1500); // more rounds: the closed rings' SQPOLL threads exit
        Child.print("LEAKS", Child.tracker("LeaksReported"));
        Child.print("DROPPED", Child.tracker("DroppedEntries"));
    }
}
