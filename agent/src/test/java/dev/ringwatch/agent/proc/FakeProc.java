package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds an injected /proc root in a temp directory, for what the real kernel here cannot show on demand
 * (old-kernel formats, a busy ring lock, garbage, another namespace's sockets coming and going, unreadable
 * files). Layout mirrors /proc with {@code self} as a plain directory; fds are dangling symlinks to the text
 * /proc would show.
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

    /** A ring fd with the 6.18 fdinfo layout and 64 file slots; {@code slots} are "index: target" pairs. */
    public FakeProc ring(int fd, long ino, String... slots) {
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
        return ring(fd, b.toString());
    }

    public FakeProc maps(String text) {
        return write(self().resolve("maps"), text);
    }

    public FakeProc task(int tid, String comm) {
        return write(self().resolve("task").resolve(Integer.toString(tid)).resolve("comm"), comm + "\n");
    }

    /** A maps line for one io_uring mapping of the ring with {@code inode}. */
    public static String ringMapping(long start, long bytes, long inode) {
        return Long.toHexString(start) + "-" + Long.toHexString(start + bytes) + " rw-s 00000000 00:0e " + inode
                + "                     anon_inode:[io_uring]\n";
    }

    public FakeProc sockstat(String text) {
        return write(root.resolve("net/sockstat"), text);
    }

    /** A sockstat with {@code used} sockets in all and a few TCP ones of this namespace. */
    public FakeProc sockstat(long used) {
        return sockstat("sockets: used " + used + "\nTCP: inuse 3 orphan 0 tw 0 alloc 5 mem 1\nUDP: inuse 0 mem 0\n");
    }

    /**
     * {@code net/tcp}: a listening socket (inode {@code listener}) on 0.0.0.0:8080 and {@code accepted}
     * established connections on it, inodes {@code firstAccepted} on.
     */
    public FakeProc tcp(long listener, int accepted, long firstAccepted) {
        StringBuilder b = new StringBuilder("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when"
                + " retrnsmt   uid  timeout inode\n");
        b.append("   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 ")
                .append(listener).append(" 1 0000000000000000 100 0 0 10 0\n");
        for (int i = 0; i < accepted; i++) {
            b.append("   ").append(i + 1).append(": 0100007F:1F90 0100007F:").append(String.format("%04X", 40000 + i))
                    .append(" 01 00000000:00000000 00:00000000 00000000  1000        0 ").append(firstAccepted + i)
                    .append(" 1 0000000000000000 20 4 30 10 -1\n");
        }
        return write(procRoot().root().resolve("net/tcp"), b.toString());
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
