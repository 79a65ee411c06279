package dev.ringwatch.agent.it;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import jdk.jfr.Recording;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recording of many leak events for {@code report}'s memory checks (BigRecordingIT, scripts/report-big.sh):
 * slot and ring leaks in turn from six creation sites, a distinct owner class and thread per leak, and one
 * 4 MB string in each kind. About 90 MB per million events.
 */
public final class BigLeakRecording {
    static final int SITES_PER_KIND = 3;
    private static final long EVENTS_PER_90_MB = 1_000_000;

    private BigLeakRecording() {
    }

    /** {@code <file> <size in MB>}: writes at least that much (in steps of about 90 MB). */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long rounds = Math.max(1, (Long.parseLong(args[1]) + 89) / 90);
        write(file, rounds * EVENTS_PER_90_MB);
        System.out.println("wrote " + file + ": " + (Files.size(file) >> 20) + " MB, " + rounds * EVENTS_PER_90_MB
                + " leak events");
    }

    static void write(Path file, long events) throws Exception {
        String huge = "x".repeat(4 << 20);
        try (Recording r = new Recording()) {
            r.enable(FileSlotLeakEvent.class).withoutStackTrace();
            r.enable(RingLeakEvent.class).withoutStackTrace();
            r.start();
            for (long i = 0; i < events; i++) {
                if (i % 2 == 0) {
                    FileSlotLeakEvent e = new FileSlotLeakEvent();
                    e.ringId = 1 + i % 1000;
                    e.ringFd = 10;
                    e.slot = (int) (i % 1_000_000);
                    e.fd = 100 + (int) (i % 50);
                    e.file = i == 0 ? huge : "socket:[" + i + "]";
                    e.reason = FileSlotLeakEvent.REASON_OWNER_GONE;
                    e.ownerClass = "app.Owner" + i;
                    e.creatingThread = "worker-" + i;
                    e.age = i;
                    e.creationStack = "app.Site" + (i % SITES_PER_KIND) + ".open(Site.java:1)\napp.Main.main(Main.java:2)";
                    e.commit();
                } else {
                    RingLeakEvent e = new RingLeakEvent();
                    e.ringId = 100_000 + i;
                    e.ringFd = 20;
                    e.reason = RingLeakEvent.REASON_OWNER_GONE;
                    e.setupFlags = "SQPOLL";
                    e.ownerClass = i == 1 ? huge : "app.Ring" + i;
                    e.creatingThread = "worker-" + i;
                    e.creationStack = "app.Rings" + (i % SITES_PER_KIND) + ".make(Rings.java:1)\napp.Main.main(Main.java:2)";
                    e.commit();
                }
            }
            r.stop();
            r.dump(file);
        }
    }
}
