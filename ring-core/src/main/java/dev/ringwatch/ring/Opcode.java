package dev.ringwatch.ring;

/** {@code IORING_OP_*} numbers (enum io_uring_op). */
public final class Opcode {
    public static final int NOP = 0, READV = 1, WRITEV = 2, FSYNC = 3, READ_FIXED = 4, WRITE_FIXED = 5, POLL_ADD = 6,
            POLL_REMOVE = 7, SYNC_FILE_RANGE = 8, SENDMSG = 9, RECVMSG = 10, TIMEOUT = 11, TIMEOUT_REMOVE = 12,
            ACCEPT = 13, ASYNC_CANCEL = 14, LINK_TIMEOUT = 15, CONNECT = 16, FALLOCATE = 17, OPENAT = 18, CLOSE = 19,
            FILES_UPDATE = 20, STATX = 21, READ = 22, WRITE = 23, FADVISE = 24, MADVISE = 25, SEND = 26, RECV = 27,
            OPENAT2 = 28, EPOLL_CTL = 29, SPLICE = 30, PROVIDE_BUFFERS = 31, REMOVE_BUFFERS = 32, TEE = 33,
            SHUTDOWN = 34, RENAMEAT = 35, UNLINKAT = 36, MKDIRAT = 37, SYMLINKAT = 38, LINKAT = 39, MSG_RING = 40,
            FSETXATTR = 41, SETXATTR = 42, FGETXATTR = 43, GETXATTR = 44, SOCKET = 45, URING_CMD = 46, SEND_ZC = 47,
            SENDMSG_ZC = 48;

    private static final String[] NAMES = {"NOP", "READV", "WRITEV", "FSYNC", "READ_FIXED", "WRITE_FIXED",
            "POLL_ADD", "POLL_REMOVE", "SYNC_FILE_RANGE", "SENDMSG", "RECVMSG", "TIMEOUT", "TIMEOUT_REMOVE", "ACCEPT",
            "ASYNC_CANCEL", "LINK_TIMEOUT", "CONNECT", "FALLOCATE", "OPENAT", "CLOSE", "FILES_UPDATE", "STATX", "READ",
            "WRITE", "FADVISE", "MADVISE", "SEND", "RECV", "OPENAT2", "EPOLL_CTL", "SPLICE", "PROVIDE_BUFFERS",
            "REMOVE_BUFFERS", "TEE", "SHUTDOWN", "RENAMEAT", "UNLINKAT", "MKDIRAT", "SYMLINKAT", "LINKAT", "MSG_RING",
            "FSETXATTR", "SETXATTR", "FGETXATTR", "GETXATTR", "SOCKET", "URING_CMD", "SEND_ZC", "SENDMSG_ZC"};

    private Opcode() {
    }

    /** E.g. "POLL_ADD", or "OP_77" for opcodes newer than this table. */
    public static String name(int opcode) {
        return opcode >= 0 && opcode < NAMES.length ? NAMES[opcode] : "OP_" + opcode;
    }
}
