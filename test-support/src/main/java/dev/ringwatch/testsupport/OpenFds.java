package dev.ringwatch.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The fds a test opens, closed together after it (also when it fails), so that a test's body holds only what
 * it checks. A test that closes an fd itself, as part of what it checks, opens that one with TestLibc instead.
 */
public final class OpenFds implements AutoCloseable {
    private final List<Integer> fds = new ArrayList<>();

    /** Takes {@code fd} (an open one) to be closed with the others; returns it. */
    public int own(int fd) {
        fds.add(fd);
        return fd;
    }

    public int tcpSocket() {
        return own(TestLibc.tcpSocket());
    }

    /** A TCP listener on 127.0.0.1 at a port the kernel picks ({@link TestLibc#port(int)}). */
    public int tcpListener() {
        return own(TestLibc.tcpListener());
    }

    /** {@code [read end, write end]} of a new pipe. */
    public int[] pipe() {
        int[] pipe = TestLibc.pipe();
        own(pipe[0]);
        own(pipe[1]);
        return pipe;
    }

    /** Closes every fd taken, in the order they were taken. */
    @Override
    public void close() {
        for (int fd : fds) {
            TestLibc.close(fd);
        }
        fds.clear();
    }
}
