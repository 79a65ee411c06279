package dev.ringwatch.agent.finding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** One finding of every record type, for tests over the whole vocabulary. */
public final class SampleFindings {
    private SampleFindings() {
    }

    public static final List<Finding> ONE_OF_EACH = List.of(
            new Finding.RingOutlivedOwner("ring-core", 1, 10, "SQPOLL", true, "app.Conn", "main", 3_200_000_000L,
                    "app.Conn.open(Conn.java:12)", 16384, 4711, 2, 64, true, true),
            new Finding.SlotOutlivedOwner(1, 10, 3, 17, "socket:[18868]", 0x5257000000000001L, "app.Session", "worker-1",
                    1_500_000_000L, "app.Session.open(Session.java:7)", false, true, true, "SQPOLL", 64),
            new Finding.ClosedRingStillMapped("ring-core", 3, 12, "SQPOLL|SQE128", true, "app.Server", "main",
                    5_000_000_000L, "Server.start(Server.java:10)", 16384, 4242, 99, 2_000_000_000L,
                    "Server.stop(Server.java:20)"),
            new Finding.SqpollThreadOutlivedRing(4243, "iou-sqp-1", 4, 13, "SQPOLL", 3_000_000_000L, "app.Server",
                    "main", "site", 0, 7_000_000_000L, "close-site", 17),
            new Finding.UntrackedRing(20, 555, 4244, 2, "SqThread 4244, UserFiles 16 (2 occupied), UserBufs 0"),
            new Finding.UntrackedSqpollThread(4245, "iou-sqp-1"),
            new Finding.FdClosedUnderSlot(5, 14, 2, 30, "socket:[18868]", 0x5257000000000003L, "app.Conn", "worker",
                    1_000_000_000L, "Conn.open(Conn.java:5)", ""),
            new Finding.SlotReleaseStalled(6, 15, 1, 0x5257000000000004L, "socket:[18869]", 12_000_000_000L,
                    "POLL_ADD multishot on slot 0 (user data 0x7)", 40_000_000_000L, 3),
            new Finding.SocketDrift(30_000_000_000L, 6, 1000, 1100, 10, 10, 4, 4, 96),
            new Finding.RingPileUp("netty", "app.Client.connect(Client.java:30)", 20, 20, 9_000_000_000L, 3,
                    "main"),
            new Finding.RingOutlivedThread("netty", 7, 16, "SQPOLL", true, "io.netty.channel.uring.IoUringIoHandler",
                    "loop-1", 4_000_000_000L, "app.Server.start(Server.java:42)", 8192, 0, 4096, "loop-1"));

    /** Those of the kernel reconciler's rules (the others come from the tracker's own rules). */
    public static final List<Finding> KERNEL = ONE_OF_EACH.stream().filter(f -> !EnumSet.of(Rule.RING_OUTLIVED_OWNER,
            Rule.SLOT_OUTLIVED_OWNER, Rule.RING_PILE_UP, Rule.RING_OUTLIVED_THREAD).contains(f.rule())).toList();

    /** Every record type the sealed {@link Finding} permits, through its sub-interfaces. */
    public static List<Class<?>> recordTypes() {
        List<Class<?>> out = new ArrayList<>();
        collect(Finding.class, out);
        return out;
    }

    private static void collect(Class<?> type, List<Class<?>> out) {
        if (type.isRecord()) {
            if (!out.contains(type)) {
                out.add(type);
            }
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collect(sub, out);
        }
    }
}
