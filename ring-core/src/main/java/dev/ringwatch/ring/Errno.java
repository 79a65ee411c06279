package dev.ringwatch.ring;

/**
 * Linux errno numbers (x86_64/generic) to their symbolic names and messages. A completion's negative
 * {@code res} is {@code -errno}: {@code Errno.name(res)} gives e.g. {@code ECONNREFUSED}, and
 * {@link #check(int, String)} turns a failed result into an {@link IoUringException} naming the operation.
 */
public final class Errno {
    static final int EINTR = 4, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EBUSY = 16, EINVAL = 22, ENFILE = 23,
            EMFILE = 24, ENXIO = 6, ETIME = 62;

    private static final String[] NAMES = new String[134];

    static {
        String table = "1 EPERM 2 ENOENT 3 ESRCH 4 EINTR 5 EIO 6 ENXIO 7 E2BIG 8 ENOEXEC 9 EBADF 10 ECHILD "
                + "11 EAGAIN 12 ENOMEM 13 EACCES 14 EFAULT 15 ENOTBLK 16 EBUSY 17 EEXIST 18 EXDEV 19 ENODEV "
                + "20 ENOTDIR 21 EISDIR 22 EINVAL 23 ENFILE 24 EMFILE 25 ENOTTY 26 ETXTBSY 27 EFBIG 28 ENOSPC "
                + "29 ESPIPE 30 EROFS 31 EMLINK 32 EPIPE 33 EDOM 34 ERANGE 35 EDEADLK 36 ENAMETOOLONG 37 ENOLCK "
                + "38 ENOSYS 39 ENOTEMPTY 40 ELOOP 42 ENOMSG 43 EIDRM 61 ENODATA 62 ETIME 71 EPROTO 74 EBADMSG "
                + "75 EOVERFLOW 77 EBADFD 84 EILSEQ 88 ENOTSOCK 89 EDESTADDRREQ 90 EMSGSIZE 91 EPROTOTYPE "
                + "92 ENOPROTOOPT 93 EPROTONOSUPPORT 94 ESOCKTNOSUPPORT 95 EOPNOTSUPP 97 EAFNOSUPPORT "
                + "98 EADDRINUSE 99 EADDRNOTAVAIL 100 ENETDOWN 101 ENETUNREACH 102 ENETRESET 103 ECONNABORTED "
                + "104 ECONNRESET 105 ENOBUFS 106 EISCONN 107 ENOTCONN 108 ESHUTDOWN 110 ETIMEDOUT "
                + "111 ECONNREFUSED 112 EHOSTDOWN 113 EHOSTUNREACH 114 EALREADY 115 EINPROGRESS 122 EDQUOT "
                + "125 ECANCELED 130 EOWNERDEAD 131 ENOTRECOVERABLE";
        String[] parts = table.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            NAMES[Integer.parseInt(parts[i])] = parts[i + 1];
        }
    }

    private Errno() {
    }

    /**
     * The symbolic name.
     *
     * @param errno an errno, or a negative completion result (its sign is ignored)
     * @return e.g. "EINVAL", or "errno 200" for numbers not in the table
     */
    public static String name(int errno) {
        int e = Math.abs(errno);
        String n = e < NAMES.length ? NAMES[e] : null;
        return n != null ? n : "errno " + e;
    }

    /**
     * The C library's message for an errno ({@code strerror}).
     *
     * @param errno an errno, or a negative completion result (its sign is ignored)
     * @return e.g. "Connection refused"
     */
    public static String message(int errno) {
        return Native.strerror(Math.abs(errno));
    }

    /**
     * Name and message, e.g. {@code ECONNREFUSED (Connection refused)}.
     *
     * @param errno an errno, or a negative completion result (its sign is ignored)
     * @return the description
     */
    public static String describe(int errno) {
        return name(errno) + " (" + message(errno) + ")";
    }

    /**
     * Checks a completion's result: returns it when it is not negative, throws otherwise.
     *
     * @param res       a completion's result
     * @param operation what completed, for the message, e.g. {@code "recv(slot 3)"}
     * @return {@code res} when {@code res >= 0}
     * @throws IoUringException naming {@code operation} and the errno when {@code res < 0}
     */
    public static int check(int res, String operation) {
        if (res < 0) {
            throw new IoUringException(operation, -res);
        }
        return res;
    }
}
