package dev.ringwatch.agent.proc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The process's open fds at one moment, sorted by fd. Sockets and rings, the common case on a server with
 * many connections, are kept as numbers rather than strings so a large table stays small.
 */
public final class FdTable {
    private static final long RING = -2;
    private static final long OTHER = -1;

    private final int[] fds;
    /** Per fd: the socket inode, or RING, or OTHER (then {@code others} holds the target). */
    private final long[] kinds;
    private final String[] others;
    private final int socketCount;
    private final long[] sortedSocketInodes;

    private FdTable(int[] fds, long[] kinds, String[] others) {
        this.fds = fds;
        this.kinds = kinds;
        this.others = others;
        int sockets = 0;
        for (long k : kinds) {
            if (k >= 0) {
                sockets++;
            }
        }
        this.socketCount = sockets;
        long[] inodes = new long[sockets];
        int j = 0;
        for (long k : kinds) {
            if (k >= 0) {
                inodes[j++] = k;
            }
        }
        Arrays.sort(inodes);
        this.sortedSocketInodes = inodes;
    }

    /** Number of open fds. */
    public int size() {
        return fds.length;
    }

    public boolean isOpen(int fd) {
        return Arrays.binarySearch(fds, fd) >= 0;
    }

    /** What {@code fd} pointed at, or null when it was not open. */
    public String target(int fd) {
        int i = Arrays.binarySearch(fds, fd);
        return i < 0 ? null : targetAt(i);
    }

    private String targetAt(int i) {
        long k = kinds[i];
        if (k == RING) {
            return FdTargets.IO_URING;
        }
        return k >= 0 ? FdTargets.socket(k) : others[i];
    }

    /** The io_uring fds ({@code anon_inode:[io_uring]}), ascending. */
    public int[] ringFds() {
        return select(RING);
    }

    /** The socket fds, ascending. */
    public int[] socketFds() {
        int[] out = new int[socketCount];
        int j = 0;
        for (int i = 0; i < fds.length; i++) {
            if (kinds[i] >= 0) {
                out[j++] = fds[i];
            }
        }
        return out;
    }

    public int socketCount() {
        return socketCount;
    }

    /** True when some fd is the socket with this inode. */
    public boolean hasSocket(long inode) {
        return Arrays.binarySearch(sortedSocketInodes, inode) >= 0;
    }

    /** Every fd with its target (materialized on each call). */
    public List<FdEntry> entries() {
        List<FdEntry> out = new ArrayList<>(fds.length);
        for (int i = 0; i < fds.length; i++) {
            out.add(new FdEntry(fds[i], targetAt(i)));
        }
        return Collections.unmodifiableList(out);
    }

    private int[] select(long kind) {
        int n = 0;
        for (long k : kinds) {
            if (k == kind) {
                n++;
            }
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < fds.length; i++) {
            if (kinds[i] == kind) {
                out[j++] = fds[i];
            }
        }
        return out;
    }

    /** One open fd and what it points at. */
    public record FdEntry(int fd, String target) {
        public boolean isIoUring() {
            return FdTargets.isIoUring(target);
        }

        public boolean isSocket() {
            return FdTargets.isSocket(target);
        }

        /** The socket inode, or -1 when this is not a socket. */
        public long socketInode() {
            return FdTargets.socketInode(target);
        }
    }

    static final class Builder {
        private int[] fds = new int[64];
        private long[] kinds = new long[64];
        private String[] others = new String[64];
        private int n;

        void add(int fd, String target) {
            if (n == fds.length) {
                fds = Arrays.copyOf(fds, n * 2);
                kinds = Arrays.copyOf(kinds, n * 2);
                others = Arrays.copyOf(others, n * 2);
            }
            long socket = FdTargets.socketInode(target);
            fds[n] = fd;
            kinds[n] = socket >= 0 ? socket : FdTargets.isIoUring(target) ? RING : OTHER;
            others[n] = kinds[n] == OTHER ? target : null;
            n++;
        }

        FdTable build() {
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = fds[i - 1] < fds[i];
            }
            if (sorted) {
                return new FdTable(Arrays.copyOf(fds, n), Arrays.copyOf(kinds, n), Arrays.copyOf(others, n));
            }
            // The kernel lists fds in ascending order; an injected root may not.
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(fds[a], fds[b]));
            int[] f = new int[n];
            long[] k = new long[n];
            String[] o = new String[n];
            for (int i = 0; i < n; i++) {
                f[i] = fds[order[i]];
                k[i] = kinds[order[i]];
                o[i] = others[order[i]];
            }
            return new FdTable(f, k, o);
        }
    }
}
