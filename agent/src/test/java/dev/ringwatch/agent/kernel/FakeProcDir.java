package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.ProcRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An injected /proc root in a temp directory, for what the kernel here cannot be made to show on demand:
 * another namespace's sockets coming and going, unreadable files, a busy ring lock, an old kernel's fdinfo.
 * {@code self} is a plain directory; fds are dangling symlinks to the text /proc would show.
 */
final class FakeProcDir {
    private final Path root;

    FakeProcDir(Path dir) {
        this.root = dir;
        try {
            Files.createDirectories(self().resolve("fd"));
            Files.createDirectories(self().resolve("fdinfo"));
            Files.createDirectories(self().resolve("task"));
            Files.createDirectories(dir.resolve("net"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kernel("6.18.0-test");
        maps("");
        sockstat(0);
    }

    ProcRoot procRoot() {
        return ProcRoot.at(root);
    }

    Path self() {
        return root.resolve("self");
    }

    FakeProcDir kernel(String release) {
        return write(root.resolve("sys/kernel/osrelease"), release + "\n");
    }

    FakeProcDir fd(int fd, String target) {
        try {
            Path link = self().resolve("fd").resolve(Integer.toString(fd));
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeProcDir closeFd(int fd) {
        try {
            Files.deleteIfExists(self().resolve("fd").resolve(Integer.toString(fd)));
            Files.deleteIfExists(self().resolve("fdinfo").resolve(Integer.toString(fd)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeProcDir fdinfo(int fd, String text) {
        return write(self().resolve("fdinfo").resolve(Integer.toString(fd)), text);
    }

    /** A ring fd with the 6.18 fdinfo layout; {@code slots} are "index: target" pairs. */
    FakeProcDir ring(int fd, long ino, String... slots) {
        fd(fd, "anon_inode:[io_uring]");
        StringBuilder b = new StringBuilder(header(ino)).append("""
                SqMask:	0x7
                SqHead:	0
                SqTail:	0
                CachedSqHead:	0
                CqMask:	0xf
                CqHead:	0
                CqTail:	0
                CachedCqTail:	0
                SQEs:	0
                CQEs:	0
                SqThread:	-1
                SqThreadCpu:	-1
                SqTotalTime:	0
                SqWorkTime:	0
                UserFiles:	64
                """);
        for (String s : slots) {
            b.append("    ").append(s).append('\n');
        }
        b.append("UserBufs:\t0\nPollList:\nCqOverflowList:\nNAPI:\tdisabled\n");
        return fdinfo(fd, b.toString());
    }

    static String header(long ino) {
        return "pos:\t0\nflags:\t02000002\nmnt_id:\t17\nino:\t" + ino + "\n";
    }

    FakeProcDir maps(String text) {
        return write(self().resolve("maps"), text);
    }

    /** A maps line for one io_uring mapping of the ring with {@code inode}. */
    static String ringMapping(long start, long bytes, long inode) {
        return Long.toHexString(start) + "-" + Long.toHexString(start + bytes) + " rw-s 00000000 00:0e " + inode
                + "                     anon_inode:[io_uring]\n";
    }

    FakeProcDir sockstat(long used) {
        return write(root.resolve("net/sockstat"), "sockets: used " + used + "\nTCP: inuse 3 orphan 0 tw 0 alloc 5 mem 1\n"
                + "UDP: inuse 0 mem 0\n");
    }

    FakeProcDir write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.isDirectory(file)) {
                Files.delete(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code file} (relative to the root) by a directory: reading it fails. */
    FakeProcDir unreadable(String file) {
        try {
            Path p = root.resolve(file);
            Files.deleteIfExists(p);
            Files.createDirectories(p);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
