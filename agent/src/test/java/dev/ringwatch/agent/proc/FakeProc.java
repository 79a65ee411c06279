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
final class FakeProc {
    private final Path root;

    FakeProc(Path dir) {
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

    ProcRoot procRoot() {
        return ProcRoot.at(root);
    }

    Path self() {
        return root.resolve("self");
    }

    FakeProc kernel(String release) {
        return write(root.resolve("sys/kernel/osrelease"), release + "\n");
    }

    /** An open fd: a (dangling) symlink to {@code target}, as /proc/self/fd shows it. */
    FakeProc fd(int fd, String target) {
        try {
            Path link = self().resolve("fd").resolve(Integer.toString(fd));
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeProc fdinfo(int fd, String text) {
        return write(self().resolve("fdinfo").resolve(Integer.toString(fd)), text);
    }

    /** A ring fd: its symlink plus the given fdinfo. */
    FakeProc ring(int fd, String fdinfo) {
        return fd(fd, FdTargets.IO_URING).fdinfo(fd, fdinfo);
    }

    FakeProc maps(String text) {
        return write(self().resolve("maps"), text);
    }

    FakeProc task(int tid, String comm) {
        return write(self().resolve("task").resolve(Integer.toString(tid)).resolve("comm"), comm + "\n");
    }

    FakeProc sockstat(String text) {
        return write(root.resolve("net/sockstat"), text);
    }

    FakeProc write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fdinfo header every fd has, then the ring section (may be empty). */
    static String header(long ino) {
        return "pos:\t0\nflags:\t02000002\nmnt_id:\t17\nino:\t" + ino + "\n";
    }
}
