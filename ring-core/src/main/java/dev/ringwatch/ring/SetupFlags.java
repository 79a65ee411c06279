package dev.ringwatch.ring;

/** The kernel's {@code IORING_SETUP_*} flags, and a readable rendering of a flag set. */
public final class SetupFlags {
    /** IORING_SETUP_IOPOLL. */
    public static final int IOPOLL = 1 << 0;
    /** IORING_SETUP_SQPOLL. */
    public static final int SQPOLL = 1 << 1;
    /** IORING_SETUP_SQ_AFF. */
    public static final int SQ_AFF = 1 << 2;
    /** IORING_SETUP_CQSIZE. */
    public static final int CQSIZE = 1 << 3;
    /** IORING_SETUP_CLAMP. */
    public static final int CLAMP = 1 << 4;
    /** IORING_SETUP_ATTACH_WQ. */
    public static final int ATTACH_WQ = 1 << 5;
    /** IORING_SETUP_R_DISABLED. */
    public static final int R_DISABLED = 1 << 6;
    /** IORING_SETUP_SUBMIT_ALL. */
    public static final int SUBMIT_ALL = 1 << 7;
    /** IORING_SETUP_COOP_TASKRUN. */
    public static final int COOP_TASKRUN = 1 << 8;
    /** IORING_SETUP_TASKRUN_FLAG. */
    public static final int TASKRUN_FLAG = 1 << 9;
    /** IORING_SETUP_SQE128. */
    public static final int SQE128 = 1 << 10;
    /** IORING_SETUP_CQE32. */
    public static final int CQE32 = 1 << 11;
    /** IORING_SETUP_SINGLE_ISSUER. */
    public static final int SINGLE_ISSUER = 1 << 12;
    /** IORING_SETUP_DEFER_TASKRUN. */
    public static final int DEFER_TASKRUN = 1 << 13;
    /** IORING_SETUP_NO_MMAP. */
    public static final int NO_MMAP = 1 << 14;
    /** IORING_SETUP_REGISTERED_FD_ONLY. */
    public static final int REGISTERED_FD_ONLY = 1 << 15;
    /**
     * IORING_SETUP_NO_SQARRAY (kernel 6.6): the SQ has no index array, SQ slot i is SQE i. ring-core sets it
     * by default where the kernel has it ({@link IoUringBuilder#noSqArray(boolean)}).
     */
    public static final int NO_SQARRAY = 1 << 16;

    private static final String[] NAMES = {"IOPOLL", "SQPOLL", "SQ_AFF", "CQSIZE", "CLAMP", "ATTACH_WQ",
            "R_DISABLED", "SUBMIT_ALL", "COOP_TASKRUN", "TASKRUN_FLAG", "SQE128", "CQE32", "SINGLE_ISSUER",
            "DEFER_TASKRUN", "NO_MMAP", "REGISTERED_FD_ONLY", "NO_SQARRAY"};

    private SetupFlags() {
    }

    /**
     * A readable rendering of a flag set.
     *
     * @param flags {@code IORING_SETUP_*} bits
     * @return e.g. {@code "SQPOLL|SQE128|CQE32"}; {@code "none"} for 0; unknown bits as hex
     */
    public static String describe(int flags) {
        return BitNames.describe(flags, NAMES);
    }
}
