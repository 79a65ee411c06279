package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Why a /proc read gave no answer. Always names the file, and the line when the content was at fault,
 * so a log line built from {@link #toString()} is enough to find the problem.
 *
 * @param kind    what went wrong
 * @param file    the file (or directory) that was read
 * @param line    1-based line the problem was found on, or 0 when it concerns the whole file
 * @param message human-readable detail
 */
public record ProcError(Kind kind, Path file, int line, String message) {

    /** Kinds a caller may react to differently. */
    public enum Kind {
        /** The file does not exist (ENOENT): the fd was closed, the thread exited, the kernel lacks the file. */
        MISSING,
        /** The file exists but could not be read (permissions, I/O error, a directory where a file was expected). */
        UNREADABLE,
        /** The content does not follow the expected format (garbage, truncated, out-of-range values). */
        MALFORMED,
        /**
         * The kernel printed nothing useful because a lock it only try-locks was busy (io_uring fdinfo on
         * 6.15+ prints no ring section then). Retried before being reported; says nothing about the ring's state.
         */
        BUSY,
        /** The fd exists but is not an io_uring ({@link #message()} names what it is). */
        NOT_IO_URING
    }

    public ProcError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line < 0: " + line);
        }
    }

    static ProcError of(Kind kind, Path file, String message) {
        return new ProcError(kind, file, 0, message);
    }

    /** Maps an I/O failure on {@code file} to MISSING (gone) or UNREADABLE (anything else). */
    static ProcError fromIo(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return of(Kind.MISSING, file, "no such file");
        }
        if (e instanceof AccessDeniedException) {
            return of(Kind.UNREADABLE, file, "permission denied");
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        // A thread or process that exits while its /proc files are open answers ESRCH, and an fd closed between the
        // open and the read of its fdinfo answers ENOENT from read(), as a plain IOException: gone, not unreadable.
        if (reason.contains("No such process") || reason.contains("No such file or directory")) {
            return of(Kind.MISSING, file, reason);
        }
        return of(Kind.UNREADABLE, file, e.getClass().getSimpleName() + ": " + reason);
    }

    static ProcError malformed(Path file, ProcFormatException e) {
        return new ProcError(Kind.MALFORMED, file, e.line(), e.getMessage());
    }

    @Override
    public String toString() {
        return kind + " " + file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
