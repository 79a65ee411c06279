package dev.ringwatch.agent.adapter.netty;

/**
 * The kernel's {@code IORING_SETUP_*} bits by name (linux/io_uring.h), for rings whose library hands the agent
 * the raw flags. ring-core describes its own; this one serves libraries the agent cannot link against.
 */
final class SetupFlagNames {
    static final int SQPOLL = 1 << 1;
    private static final String[] NAMES = {"IOPOLL", "SQPOLL", "SQ_AFF", "CQSIZE", "CLAMP", "ATTACH_WQ",
            "R_DISABLED", "SUBMIT_ALL", "COOP_TASKRUN", "TASKRUN_FLAG", "SQE128", "CQE32", "SINGLE_ISSUER",
            "DEFER_TASKRUN", "NO_MMAP", "REGISTERED_FD_ONLY", "NO_SQARRAY", "HYBRID_IOPOLL", "CQE_MIXED"};

    private SetupFlagNames() {
    }

    /** E.g. {@code "CQSIZE|CLAMP|R_DISABLED"}; {@code "none"} for 0; unknown bits as one hex value. */
    static String describe(int flags) {
        if (flags == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        int unknown = 0;
        for (int bit = 0; bit < 32; bit++) {
            int mask = 1 << bit;
            if ((flags & mask) == 0) {
                continue;
            }
            if (bit < NAMES.length) {
                sb.append(sb.length() == 0 ? "" : "|").append(NAMES[bit]);
            } else {
                unknown |= mask;
            }
        }
        if (unknown != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(unknown));
        }
        return sb.toString();
    }
}
