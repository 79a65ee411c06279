package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.FakeProc;
import dev.ringwatch.agent.proc.ProcRoot;

import java.nio.file.Path;

/**
 * An injected /proc root in a temp directory, for what the kernel here cannot be made to show on demand:
 * another namespace's sockets coming and going, unreadable files, a busy ring lock, an old kernel's fdinfo.
 * {@code self} is a plain directory; fds are dangling symlinks to the text /proc would show.
 */
final class FakeProcDir {
    private final FakeProc proc;

    FakeProcDir(Path dir) {
        this.proc = new FakeProc(dir);
        maps("");
        sockstat(0);
    }

    ProcRoot procRoot() {
        return proc.procRoot();
    }

    Path self() {
        return proc.self();
    }

    FakeProcDir kernel(String release) {
        proc.kernel(release);
        return this;
    }

    FakeProcDir fd(int fd, String target) {
        proc.fd(fd, target);
        return this;
    }

    FakeProcDir closeFd(int fd) {
        proc.closeFd(fd);
        return this;
    }

    FakeProcDir fdinfo(int fd, String text) {
        proc.fdinfo(fd, text);
        return this;
    }

    /** A ring fd with the 6.18 fdinfo layout; {@code slots} are "index: target" pairs. */
    FakeProcDir ring(int fd, long ino, String... slots) {
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
        proc.ring(fd, b.toString());
        return this;
    }

    static String header(long ino) {
        return FakeProc.header(ino);
    }

    FakeProcDir maps(String text) {
        proc.maps(text);
        return this;
    }

    /** A maps line for one io_uring mapping of the ring with {@code inode}. */
    static String ringMapping(long start, long bytes, long inode) {
        return Long.toHexString(start) + "-" + Long.toHexString(start + bytes) + " rw-s 00000000 00:0e " + inode
                + "                     anon_inode:[io_uring]\n";
    }

    FakeProcDir sockstat(long used) {
        proc.sockstat("sockets: used " + used + "\nTCP: inuse 3 orphan 0 tw 0 alloc 5 mem 1\nUDP: inuse 0 mem 0\n");
        return this;
    }

    /**
     * {@code net/tcp}: a listening socket (inode {@code listener}) on 0.0.0.0:8080 and {@code accepted}
     * established connections on it, inodes {@code firstAccepted} on.
     */
    FakeProcDir tcp(long listener, int accepted, long firstAccepted) {
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

    FakeProcDir write(Path file, String text) {
        proc.write(file, text);
        return this;
    }

    FakeProcDir unreadable(String file) {
        proc.unreadable(file);
        return this;
    }
}
