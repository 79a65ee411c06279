package dev.ringwatch.agent.kernel;

import dev.ringwatch.testsupport.TestLibc;

import java.lang.foreign.MemorySegment;

/**
 * What the kernel-rule tests do behind ring-core's and the agent's back (a second mapping of a ring,
 * dup/dup2/close of fds, raw io_uring_setup, sockets), from the tests' one libc binding in test-support.
 */
final class Sys {
    static final int IORING_SETUP_SQPOLL = dev.ringwatch.testsupport.RawRing.IORING_SETUP_SQPOLL;

    private Sys() {
    }

    /** A shared read-write mapping of {@code length} bytes of {@code fd} at {@code offset}. */
    static MemorySegment mmap(int fd, long length, long offset) {
        return TestLibc.mmap(fd, length, offset);
    }

    static void munmap(MemorySegment m) {
        TestLibc.munmap(m);
    }

    static void close(int fd) {
        TestLibc.close(fd);
    }

    static int dup(int fd) {
        return TestLibc.dup(fd);
    }

    /** Makes {@code to} refer to what {@code from} refers to (closing what {@code to} was). */
    static void dup2(int from, int to) {
        TestLibc.dup2(from, to);
    }

    static int openReadOnly(String path) {
        return TestLibc.openReadOnly(path);
    }

    /** An unconnected TCP socket. */
    static int tcpSocket() {
        return TestLibc.tcpSocket();
    }

    /**
     * A ring set up without ring-core (as another library would), nothing mapped.
     *
     * @param fd        the ring fd
     * @param ringBytes size of its SQ/CQ ring region (one mapping with IORING_FEAT_SINGLE_MMAP)
     */
    record RawRing(int fd, long ringBytes) {
    }

    static RawRing rawRing(int entries, int flags) {
        dev.ringwatch.testsupport.RawRing raw = dev.ringwatch.testsupport.RawRing.setup(entries, flags);
        return new RawRing(raw.fd(), raw.ringBytes());
    }

    /** A sparse table of {@code n} fixed-file slots on a raw ring. */
    static void rawSparseFiles(int ringFd, int n) {
        dev.ringwatch.testsupport.RawRing.registerSparseFiles(ringFd, n);
    }
}
