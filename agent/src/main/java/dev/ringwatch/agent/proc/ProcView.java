package dev.ringwatch.agent.proc;

import java.util.Objects;

/**
 * The agent's read-only view of what the kernel reports about this process's io_uring resources, all read
 * from one {@link ProcRoot}. Every method reads fresh (no caching) and returns a {@link ProcResult}: none
 * throws. Thread-safe.
 */
public final class ProcView {
    private final ProcRoot root;
    private final FdInfoReader fdInfo;

    public ProcView(ProcRoot root) {
        this(root, new FdInfoReader(root));
    }

    public ProcView(ProcRoot root, FdInfoReader fdInfo) {
        this.root = Objects.requireNonNull(root, "root");
        this.fdInfo = Objects.requireNonNull(fdInfo, "fdInfo");
    }

    /** A view of the real {@code /proc}. */
    public static ProcView system() {
        return new ProcView(ProcRoot.system());
    }

    public ProcRoot root() {
        return root;
    }

    /** {@code fdinfo} of ring {@code fd}, retried while the ring's lock is busy; see {@link FdInfoReader}. */
    public ProcResult<RingFdInfo> ringFdInfo(int fd) {
        return fdInfo.read(fd);
    }

    /** Every open fd and its target. */
    public ProcResult<FdTable> fds() {
        return ProcFds.list(root);
    }

    /** What {@code fd} points at now; MISSING when it is closed. */
    public ProcResult<String> fdTarget(int fd) {
        return ProcFds.target(root, fd);
    }

    /** Inode of the file behind {@code fd} (a ring's identity in maps). */
    public ProcResult<Long> fdInode(int fd) {
        return ProcFds.inode(root, fd);
    }

    /** io_uring mappings, by ring inode. */
    public ProcResult<ProcMaps.RingMappings> ringMappings() {
        return ProcMaps.ringMappings(root);
    }

    /** Tids of {@code iou-sqp-*} threads, ascending. */
    public ProcResult<int[]> sqpollThreads() {
        return SqpollThreads.tids(root);
    }

    /** Whether {@code tid} is still a live SQPOLL thread of this process. */
    public ProcResult<Boolean> sqpollThreadAlive(int tid) {
        return SqpollThreads.isAlive(root, tid);
    }

    /** {@code /proc/net/sockstat}. */
    public ProcResult<SockStat> sockStat() {
        return SockStat.read(root);
    }

    /** {@code /proc/net/tcp} and {@code tcp6}: read only to attribute a rise of {@code sockets: used}. */
    public ProcResult<TcpSockets> tcpSockets() {
        return TcpSockets.read(root);
    }
}
