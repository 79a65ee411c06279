package dev.ringwatch.agent.proc;

/** fdinfo texts of io_uring rings as kernels of each format generation print them, for injected /proc roots. */
public final class FdInfoSamples {
    /** Verbatim from this machine (6.18), an SQPOLL ring with a socket and a file registered. */
    public static final String KERNEL_6_18 = """
            pos:	0
            flags:	02000002
            mnt_id:	17
            ino:	8252
            SqMask:	0x3f
            SqHead:	0
            SqTail:	0
            CachedSqHead:	0
            CqMask:	0x7f
            CqHead:	0
            CqTail:	0
            CachedCqTail:	0
            SQEs:	0
            CQEs:	0
            SqThread:	4043
            SqThreadCpu:	0
            SqTotalTime:	0
            SqWorkTime:	0
            UserFiles:	8
                2: socket:[8253]
                5: /etc/hostname
            UserBufs:	4
                0: <none>
                1: <none>
                2: <none>
                3: <none>
            PollList:
            CqOverflowList:
            NAPI:	disabled
            """;

    /** The pre-6.14 layout: every slot printed, dentry names (a TCP socket's is "TCP"). */
    public static final String KERNEL_5_15 = """
            pos:	0
            flags:	02000002
            mnt_id:	15
            ino:	31337
            SqMask:	0x7
            SqHead:	3
            SqTail:	3
            CachedSqHead:	3
            CqMask:	0xf
            CqHead:	2
            CqTail:	3
            CachedCqTail:	3
            SQEs:	0
            CQEs:	1
                0: user_data:7, res:0, flag:0
            SqThread:	812
            SqThreadCpu:	1
            UserFiles:	4
                0: <none>
                1: TCP
                2: <none>
                3: hostname
            UserBufs:	1
                0: 0x7f3a10000000/4096
            PollList:
              op=6, task_works=0
            """;

    /**
     * What a kernel before 6.15 prints for the same ring while the ring's lock is busy: the counts, but no slot
     * lines of either table and no SQPOLL thread (-1), as {@code __io_uring_show_fdinfo} prints those only
     * with the lock held.
     */
    public static String lockBusy(String fdinfo) {
        StringBuilder b = new StringBuilder();
        boolean slotTable = false;
        for (String line : fdinfo.lines().toList()) {
            boolean entry = line.startsWith(" ");
            if (!entry) {
                slotTable = line.startsWith("UserFiles:") || line.startsWith("UserBufs:");
            } else if (slotTable) {
                continue;
            }
            b.append(line.startsWith("SqThread") ? line.substring(0, line.indexOf('\t') + 1) + "-1" : line).append('\n');
        }
        return b.toString();
    }

    private FdInfoSamples() {
    }
}
