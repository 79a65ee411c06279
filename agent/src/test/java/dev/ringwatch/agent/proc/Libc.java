package dev.ringwatch.agent.proc;

import dev.ringwatch.testsupport.TestLibc;

/** The libc calls the proc tests make behind ring-core's back, from the tests' one libc binding. */
final class Libc {
    private Libc() {
    }

    /** A fresh, unconnected TCP socket fd; the caller closes it. */
    static int tcpSocket() {
        return TestLibc.tcpSocket();
    }

    /** Opens {@code path} read-only; the caller closes the fd. */
    static int openReadOnly(String path) {
        return TestLibc.openReadOnly(path);
    }

    static void close(int fd) {
        TestLibc.close(fd);
    }
}
