package dev.ringwatch.ring;

/** The kernel's {@code IORING_SETUP_*} flags, and a readable rendering of a flag set. */
public final class SetupFlags {
    public static final int IOPOLL = 1 << 0;
    public static final int SQPOLL = 1 << 1;
    public static final int SQ_AFF = 1 << 2;
    public static final int CQSIZE = 1 << 3;
    public static final int CLAMP = 1 << 4;
    public static final int ATTACH_WQ = 1 << 5;
    public static final int R_DISABLED = 1 << 6;
    public static final int SUBMIT_ALL = 1 << 7;
    public static final int COOP_TASKRUN = 1 << 8;
    public static final int TASKRUN_FLAG = 1 << 9;
    public static final int SQE128 = 1 << 10;
    public static final int CQE32 = 1 << 11;
    public static final int SINGLE_ISSUER = 1 << 12;
    public static final int DEFER_TASKRUN = 1 << 13;

    private static final String[] NAMES = {"IOPOLL", "SQPOLL", "SQ_AFF", "CQSIZE", "CLAMP", "ATTACH_WQ",
            "R_DISABLED", "SUBMIT_ALL", "COOP_TASKRUN", "TASKRUN_FLAG", "SQE128", "CQE32", "SINGLE_ISSUER",
            "DEFER_TASKRUN"};

    private SetupFlags() {
    }

    /** E.g. {@code "SQPOLL|SQE128|CQE32"}; {@code "none"} for 0; unknown bits as hex. */
    public static String describe(int flags) {
        return BitNames.describe(flags, NAMES);
    }
}
