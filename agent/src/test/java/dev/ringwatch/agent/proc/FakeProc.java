package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds an injected /proc root in a temp directory, for what the real kernel here cannot show (old-kernel
 * formats, a busy ring lock, garbage). Layout mirrors /proc with {@code self} as a plain directory.
 */
public final class FakeProc {
    private final Path root;

    public FakeProc(Path dir) {
        this.root = dir;
        try {
            Files.createDirectories(self().resolve("fd"));
            Files.createDirectories(self().resolve("fdinfo"));
            Files.createDirectories(self().resolve("task"));
            Files.createDirectories(dir.resolve("net"));
            Files.createDirectories(dir.resolve("sys/kernel"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kernel("6.18.0-test");
    }

    public ProcRoot procRoot() {
        return ProcRoot.at(root);
    }

    public Path self() {
        return root.resolve("self");
    }

    public FakeProc kernel(String release) {
        return write(root.resolve("sys/kernel/osrelease"), release + "\n");
    }

    /** An open fd: a (dangling) symlink to {@code target}, as /proc/self/fd shows it. */
    public FakeProc fd(int fd, String target) {
        try {
            Path link = self().resolve("fd").resolve(Integer.toString(fd));
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeProc fdinfo(int fd, String text) {
        return write(self().resolve("fdinfo").resolve(Integer.toString(fd)), text);
    }

    /** A ring fd: its symlink plus the given fdinfo. */
    public FakeProc ring(int fd, String fdinfo) {
        return fd(fd, FdTargets.IO_URING).fdinfo(fd, fdinfo);
    }

    public FakeProc maps(String text) {
        return write(self().resolve("maps"), text);
    }

    public FakeProc task(int tid, String comm) {
        return write(self().resolve("task").resolve(Integer.toString(tid)).resolve("comm"), comm + "\n");
    }

    public FakeProc sockstat(String text) {
        return write(root.resolve("net/sockstat"), text);
    }

    public FakeProc write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.isDirectory(file)) {
                Files.delete(file); // undo unreadable()
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an fd and its fdinfo, as closing it does. */
    public FakeProc closeFd(int fd) {
        try {
            Files.deleteIfExists(self().resolve("fd").resolve(Integer.toString(fd)));
            Files.deleteIfExists(self().resolve("fdinfo").resolve(Integer.toString(fd)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code file} (relative to the root) by a directory: reading it fails. */
    public FakeProc unreadable(String file) {
        try {
            Path p = root.resolve(file);
            Files.deleteIfExists(p);
            Files.createDirectories(p);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fdinfo header every fd has, then the ring section (may be empty). */
    public static String header(long ino) {
        return "pos:\t0\nflags:\t02000002\nmnt_id:\t17\nino:\t" + ino + "\n";
    }
}
