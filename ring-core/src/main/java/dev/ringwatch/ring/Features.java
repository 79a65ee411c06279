package dev.ringwatch.ring;

/** The kernel's {@code IORING_FEAT_*} bits, read back from io_uring_setup. */
public final class Features {
    /** IORING_FEAT_SINGLE_MMAP. */
    public static final int SINGLE_MMAP = 1 << 0;
    /** IORING_FEAT_NODROP. */
    public static final int NODROP = 1 << 1;
    /** IORING_FEAT_SUBMIT_STABLE. */
    public static final int SUBMIT_STABLE = 1 << 2;
    /** IORING_FEAT_RW_CUR_POS. */
    public static final int RW_CUR_POS = 1 << 3;
    /** IORING_FEAT_CUR_PERSONALITY. */
    public static final int CUR_PERSONALITY = 1 << 4;
    /** IORING_FEAT_FAST_POLL. */
    public static final int FAST_POLL = 1 << 5;
    /** IORING_FEAT_POLL_32BITS. */
    public static final int POLL_32BITS = 1 << 6;
    /** IORING_FEAT_SQPOLL_NONFIXED. */
    public static final int SQPOLL_NONFIXED = 1 << 7;
    /** IORING_FEAT_EXT_ARG. */
    public static final int EXT_ARG = 1 << 8;
    /** IORING_FEAT_NATIVE_WORKERS. */
    public static final int NATIVE_WORKERS = 1 << 9;
    /** IORING_FEAT_RSRC_TAGS. */
    public static final int RSRC_TAGS = 1 << 10;
    /** IORING_FEAT_CQE_SKIP. */
    public static final int CQE_SKIP = 1 << 11;
    /** IORING_FEAT_LINKED_FILE. */
    public static final int LINKED_FILE = 1 << 12;
    /** IORING_FEAT_REG_REG_RING. */
    public static final int REG_REG_RING = 1 << 13;
    /** IORING_FEAT_RECVSEND_BUNDLE. */
    public static final int RECVSEND_BUNDLE = 1 << 14;
    /** IORING_FEAT_MIN_TIMEOUT. */
    public static final int MIN_TIMEOUT = 1 << 15;
    /** IORING_FEAT_RW_ATTR. */
    public static final int RW_ATTR = 1 << 16;
    /** IORING_FEAT_NO_IOWAIT. */
    public static final int NO_IOWAIT = 1 << 17;

    private static final String[] NAMES = {"SINGLE_MMAP", "NODROP", "SUBMIT_STABLE", "RW_CUR_POS",
            "CUR_PERSONALITY", "FAST_POLL", "POLL_32BITS", "SQPOLL_NONFIXED", "EXT_ARG", "NATIVE_WORKERS",
            "RSRC_TAGS", "CQE_SKIP", "LINKED_FILE", "REG_REG_RING", "RECVSEND_BUNDLE", "MIN_TIMEOUT", "RW_ATTR", "NO_IOWAIT"};

    private Features() {
    }

    /**
     * A readable rendering of a feature set.
     *
     * @param features {@code IORING_FEAT_*} bits
     * @return e.g. {@code "SINGLE_MMAP|NODROP"}; unknown bits as hex
     */
    public static String describe(int features) {
        return BitNames.describe(features, NAMES);
    }
}
