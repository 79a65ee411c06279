package dev.ringwatch.agent.proc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which failures mean "gone" (a closed fd, an exited thread) and which mean trouble worth a line. */
class ProcErrorTest {
    private static final Path FILE = Path.of("/proc/self/fdinfo/32");

    @Test
    void fdClosedBetweenOpenAndRead_isMissingNotUnreadable() {
        // what the 10-minute soak saw: read() of an fdinfo whose fd another thread closed meanwhile
        assertEquals(ProcError.Kind.MISSING,
                ProcError.fromIo(FILE, new IOException("No such file or directory")).kind());
    }

    @Test
    void exitedThread_isMissing() {
        assertEquals(ProcError.Kind.MISSING, ProcError.fromIo(FILE, new IOException("No such process")).kind());
    }

    @Test
    void noSuchFileOnOpen_isMissing() {
        assertEquals(ProcError.Kind.MISSING, ProcError.fromIo(FILE, new NoSuchFileException(FILE.toString())).kind());
    }

    @Test
    void permissionOrIoError_isUnreadable() {
        assertEquals(ProcError.Kind.UNREADABLE, ProcError.fromIo(FILE, new AccessDeniedException(FILE.toString())).kind());
        assertEquals(ProcError.Kind.UNREADABLE, ProcError.fromIo(FILE, new IOException("Input/output error")).kind());
    }
}
