package dev.ringwatch.agent.proc;

/** What a /proc fd symlink target (or fdinfo slot line) names: an io_uring, a socket, anything else. */
public final class FdTargets {
    /** The target of every io_uring fd under {@code /proc/self/fd}. */
    public static final String IO_URING = "anon_inode:[io_uring]";
    private static final String SOCKET_PREFIX = "socket:[";

    private FdTargets() {
    }

    public static boolean isIoUring(String target) {
        return IO_URING.equals(target);
    }

    public static boolean isSocket(String target) {
        return socketInode(target) >= 0;
    }

    /** N of {@code socket:[N]}, or -1 when {@code target} is not that form. */
    public static long socketInode(String target) {
        int n = target.length();
        if (n < SOCKET_PREFIX.length() + 2 || !target.startsWith(SOCKET_PREFIX) || target.charAt(n - 1) != ']') {
            return -1;
        }
        long v = 0;
        for (int i = SOCKET_PREFIX.length(); i < n - 1; i++) {
            int d = target.charAt(i) - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The {@code socket:[N]} text for inode N. */
    public static String socket(long inode) {
        return SOCKET_PREFIX + inode + "]";
    }
}
