package dev.ringwatch.agent.proc;

import java.util.List;
import java.util.Objects;

/**
 * The kernel's own view of one io_uring, from {@code /proc/self/fdinfo/<fd>}. Numbers the kernel did not
 * print (older kernels lack some keys) are -1.
 *
 * @param fd          the ring fd that was read
 * @param ino         the ring's inode; each ring has its own, and it is the number {@code /proc/self/maps}
 *                    shows for the ring's mappings, so it identifies the ring after its fd is closed.
 *                    From the fdinfo {@code ino} line, or a stat of the fd on kernels without that line
 * @param fileFlags   the open-file flags ({@code flags}, octal in the file), e.g. O_RDWR|O_CLOEXEC
 * @param mntId       {@code mnt_id}
 * @param indexes     SQ/CQ ring indexes and pending counts
 * @param sqThread    tid of the SQPOLL thread, -1 without SQPOLL. Until the new thread first runs the kernel
 *                    reports the tid of the thread that created the ring instead (seen on 6.18, with
 *                    {@code SqThreadCpu} -1), so confirm it with {@link SqpollThreads#isAlive} before treating
 *                    it as the SQPOLL thread. On kernels before 6.15 also -1 when the ring's lock was busy
 *                    during the read (then {@link FileTable#listed()} is usually false too)
 * @param sqThreadCpu CPU the SQPOLL thread last ran on, -1 without SQPOLL or before it first ran
 * @param sqTotalTime SQPOLL thread's system time in microseconds ({@code SqTotalTime}), -1 if not printed
 * @param sqWorkTime  SQPOLL thread's time doing work in microseconds ({@code SqWorkTime}), -1 if not printed
 * @param files       the fixed-file table
 * @param buffers     the fixed-buffer table
 */
public record RingFdInfo(int fd, long ino, int fileFlags, int mntId, Indexes indexes, int sqThread,
                         int sqThreadCpu, long sqTotalTime, long sqWorkTime, FileTable files, BufferTable buffers) {

    public RingFdInfo {
        Objects.requireNonNull(indexes, "indexes");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(buffers, "buffers");
    }

    /** True when the kernel reports an SQPOLL thread (or its creator's tid, see {@code sqThread}). */
    public boolean hasSqThread() {
        return sqThread > 0;
    }

    /**
     * Ring indexes as the kernel saw them ({@code SqMask}, {@code SqHead}, ...); -1 when not printed.
     *
     * @param sqMask       SQ ring mask (entries - 1)
     * @param sqHead       SQ head (kernel's consumer index, shared with user space)
     * @param sqTail       SQ tail (user space's producer index)
     * @param cachedSqHead kernel's cached SQ head
     * @param cqMask       CQ ring mask (entries - 1)
     * @param cqHead       CQ head (user space's consumer index)
     * @param cqTail       CQ tail (kernel's producer index)
     * @param cachedCqTail kernel's cached CQ tail
     * @param sqesPending  {@code SQEs}: submitted-but-unconsumed SQEs
     * @param cqesPending  {@code CQEs}: posted-but-unreaped CQEs
     */
    public record Indexes(long sqMask, long sqHead, long sqTail, long cachedSqHead, long cqMask, long cqHead,
                          long cqTail, long cachedCqTail, long sqesPending, long cqesPending) {
        public static final Indexes ABSENT = new Indexes(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1);

        /** SQ entries (mask + 1), or -1. */
        public long sqEntries() {
            return sqMask < 0 ? -1 : sqMask + 1;
        }

        /** CQ entries (mask + 1), or -1. */
        public long cqEntries() {
            return cqMask < 0 ? -1 : cqMask + 1;
        }
    }

    /**
     * The registered (fixed) file table.
     *
     * @param size     {@code UserFiles}: the table's size, NOT the number of occupied slots
     * @param occupied the occupied slots by ascending index; complete only when {@code listed}
     * @param listed   whether the kernel printed the slot lines. False only on kernels before 6.15 when the
     *                 ring's lock was busy: then {@code occupied} is empty and says nothing about the slots
     */
    public record FileTable(int size, List<FileSlot> occupied, boolean listed) {
        public FileTable {
            occupied = List.copyOf(occupied);
        }

        /** The occupied slot at {@code index}, or null when it is empty (or not listed). */
        public FileSlot slot(int index) {
            int lo = 0;
            int hi = occupied.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int at = occupied.get(mid).index();
                if (at == index) {
                    return occupied.get(mid);
                }
                if (at < index) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return null;
        }
    }

    /**
     * One occupied fixed-file slot.
     *
     * @param index  slot index
     * @param target what the slot holds, as readlink of an fd to that file would show it
     *               ({@code socket:[18868]}, {@code /path/name (deleted)}, {@code anon_inode:[eventfd]}).
     *               Kernels before 6.14 print only the dentry name here (a bare file name; {@code TCP} for a
     *               TCP socket), so compare with {@link #socketInode()} only when it is not -1
     */
    public record FileSlot(int index, String target) {
        public FileSlot {
            Objects.requireNonNull(target, "target");
        }

        /** The socket inode of a {@code socket:[N]} target, or -1 for anything else. */
        public long socketInode() {
            return FdTargets.socketInode(target);
        }
    }

    /**
     * The registered (fixed) buffer table.
     *
     * @param size     {@code UserBufs}: the table's size
     * @param occupied the occupied slots by ascending index; complete only when {@code listed}
     * @param listed   whether the kernel printed the slot lines (see {@link FileTable#listed()})
     */
    public record BufferTable(int size, List<BufferSlot> occupied, boolean listed) {
        public BufferTable {
            occupied = List.copyOf(occupied);
        }
    }

    /** One registered buffer: its user address and length in bytes. */
    public record BufferSlot(int index, long address, long length) {
    }
}
