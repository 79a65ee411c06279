package dev.ringwatch.programs;

import dev.ringwatch.testsupport.RawRing;
import dev.ringwatch.testsupport.TestLibc;

/** What "other code" (a native library) does to io_uring behind ring-core: raw set-up, an extra mapping. */
final class RawCalls {
    private RawCalls() {
    }

    /** io_uring_setup(entries, zeroed params) straight through syscall 425: a ring ring-core never saw. */
    static int ioUringSetup(int entries) {
        return RawRing.setup(entries, 0).fd();
    }

    /** A second shared mapping of {@code bytes} of {@code fd} at {@code offset} (never unmapped). */
    static void mapAgain(int fd, long bytes, long offset) {
        TestLibc.mmap(fd, bytes, offset);
    }
}
