package dev.ringwatch.ring;

import dev.ringwatch.testsupport.TestLibc;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The fds a test opens, closed together after it (also when it fails), so that a test's body holds only what
 * it checks: a test class holds one in a {@code @RegisterExtension} field. A test that closes an fd itself, as
 * part of what it checks, opens that one with TestLibc instead.
 */
final class OpenFds implements AfterEachCallback {
    private final List<Integer> fds = new ArrayList<>();

    /** Takes {@code fd} (an open one) to be closed after the test; returns it. */
    int own(int fd) {
        fds.add(fd);
        return fd;
    }

    int tcpSocket() {
        return own(TestLibc.tcpSocket());
    }

    /** A TCP listener on 127.0.0.1 at a port the kernel picks ({@link TestLibc#port(int)}). */
    int tcpListener() {
        return own(TestLibc.tcpListener());
    }

    /** {@code [read end, write end]} of a new pipe. */
    int[] pipe() {
        int[] pipe = TestLibc.pipe();
        own(pipe[0]);
        own(pipe[1]);
        return pipe;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int fd : fds) {
            TestLibc.close(fd);
        }
        fds.clear();
    }
}
