package dev.ringwatch.ring;

/** {@code IORING_OP_*} numbers (enum io_uring_op). */
public final class Opcode {
    /** IORING_OP_NOP. */
    public static final int NOP = 0;
    /** IORING_OP_READV. */
    public static final int READV = 1;
    /** IORING_OP_WRITEV. */
    public static final int WRITEV = 2;
    /** IORING_OP_FSYNC. */
    public static final int FSYNC = 3;
    /** IORING_OP_READ_FIXED. */
    public static final int READ_FIXED = 4;
    /** IORING_OP_WRITE_FIXED. */
    public static final int WRITE_FIXED = 5;
    /** IORING_OP_POLL_ADD. */
    public static final int POLL_ADD = 6;
    /** IORING_OP_POLL_REMOVE. */
    public static final int POLL_REMOVE = 7;
    /** IORING_OP_SYNC_FILE_RANGE. */
    public static final int SYNC_FILE_RANGE = 8;
    /** IORING_OP_SENDMSG. */
    public static final int SENDMSG = 9;
    /** IORING_OP_RECVMSG. */
    public static final int RECVMSG = 10;
    /** IORING_OP_TIMEOUT. */
    public static final int TIMEOUT = 11;
    /** IORING_OP_TIMEOUT_REMOVE. */
    public static final int TIMEOUT_REMOVE = 12;
    /** IORING_OP_ACCEPT. */
    public static final int ACCEPT = 13;
    /** IORING_OP_ASYNC_CANCEL. */
    public static final int ASYNC_CANCEL = 14;
    /** IORING_OP_LINK_TIMEOUT. */
    public static final int LINK_TIMEOUT = 15;
    /** IORING_OP_CONNECT. */
    public static final int CONNECT = 16;
    /** IORING_OP_FALLOCATE. */
    public static final int FALLOCATE = 17;
    /** IORING_OP_OPENAT. */
    public static final int OPENAT = 18;
    /** IORING_OP_CLOSE. */
    public static final int CLOSE = 19;
    /** IORING_OP_FILES_UPDATE. */
    public static final int FILES_UPDATE = 20;
    /** IORING_OP_STATX. */
    public static final int STATX = 21;
    /** IORING_OP_READ. */
    public static final int READ = 22;
    /** IORING_OP_WRITE. */
    public static final int WRITE = 23;
    /** IORING_OP_FADVISE. */
    public static final int FADVISE = 24;
    /** IORING_OP_MADVISE. */
    public static final int MADVISE = 25;
    /** IORING_OP_SEND. */
    public static final int SEND = 26;
    /** IORING_OP_RECV. */
    public static final int RECV = 27;
    /** IORING_OP_OPENAT2. */
    public static final int OPENAT2 = 28;
    /** IORING_OP_EPOLL_CTL. */
    public static final int EPOLL_CTL = 29;
    /** IORING_OP_SPLICE. */
    public static final int SPLICE = 30;
    /** IORING_OP_PROVIDE_BUFFERS. */
    public static final int PROVIDE_BUFFERS = 31;
    /** IORING_OP_REMOVE_BUFFERS. */
    public static final int REMOVE_BUFFERS = 32;
    /** IORING_OP_TEE. */
    public static final int TEE = 33;
    /** IORING_OP_SHUTDOWN. */
    public static final int SHUTDOWN = 34;
    /** IORING_OP_RENAMEAT. */
    public static final int RENAMEAT = 35;
    /** IORING_OP_UNLINKAT. */
    public static final int UNLINKAT = 36;
    /** IORING_OP_MKDIRAT. */
    public static final int MKDIRAT = 37;
    /** IORING_OP_SYMLINKAT. */
    public static final int SYMLINKAT = 38;
    /** IORING_OP_LINKAT. */
    public static final int LINKAT = 39;
    /** IORING_OP_MSG_RING. */
    public static final int MSG_RING = 40;
    /** IORING_OP_FSETXATTR. */
    public static final int FSETXATTR = 41;
    /** IORING_OP_SETXATTR. */
    public static final int SETXATTR = 42;
    /** IORING_OP_FGETXATTR. */
    public static final int FGETXATTR = 43;
    /** IORING_OP_GETXATTR. */
    public static final int GETXATTR = 44;
    /** IORING_OP_SOCKET. */
    public static final int SOCKET = 45;
    /** IORING_OP_URING_CMD. */
    public static final int URING_CMD = 46;
    /** IORING_OP_SEND_ZC. */
    public static final int SEND_ZC = 47;
    /** IORING_OP_SENDMSG_ZC. */
    public static final int SENDMSG_ZC = 48;

    private static final String[] NAMES = {"NOP", "READV", "WRITEV", "FSYNC", "READ_FIXED", "WRITE_FIXED",
            "POLL_ADD", "POLL_REMOVE", "SYNC_FILE_RANGE", "SENDMSG", "RECVMSG", "TIMEOUT", "TIMEOUT_REMOVE", "ACCEPT",
            "ASYNC_CANCEL", "LINK_TIMEOUT", "CONNECT", "FALLOCATE", "OPENAT", "CLOSE", "FILES_UPDATE", "STATX", "READ",
            "WRITE", "FADVISE", "MADVISE", "SEND", "RECV", "OPENAT2", "EPOLL_CTL", "SPLICE", "PROVIDE_BUFFERS",
            "REMOVE_BUFFERS", "TEE", "SHUTDOWN", "RENAMEAT", "UNLINKAT", "MKDIRAT", "SYMLINKAT", "LINKAT", "MSG_RING",
            "FSETXATTR", "SETXATTR", "FGETXATTR", "GETXATTR", "SOCKET", "URING_CMD", "SEND_ZC", "SENDMSG_ZC"};

    private Opcode() {
    }

    /**
     * The name of an opcode.
     *
     * @param opcode an {@code IORING_OP_*} number
     * @return e.g. "POLL_ADD", or "OP_77" for opcodes newer than this table
     */
    public static String name(int opcode) {
        return opcode >= 0 && opcode < NAMES.length ? NAMES[opcode] : "OP_" + opcode;
    }
}
