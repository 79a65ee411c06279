package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads {@code /proc/self/fd}: which fds are open and what each one points at. */
public final class ProcFds {
    private ProcFds() {
    }

    /**
     * A snapshot of every open fd with its readlink target. Fds closed while the listing runs are left out
     * (they are closed by the time anyone looks). The directory's own fd is included, as the kernel lists it.
     */
    public static ProcResult<FdTable> list(ProcRoot root) {
        Path dir = root.fdDir();
        FdTable.Builder table = new FdTable.Builder();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path link : entries) {
                String name = link.getFileName().toString();
                int fd = ProcRoot.parseId(name);
                if (fd < 0) {
                    return ProcResult.failed(ProcError.of(ProcError.Kind.MALFORMED, dir,
                            "entry '" + name + "' is not an fd number"));
                }
                String target;
                try {
                    target = Files.readSymbolicLink(link).toString();
                } catch (NoSuchFileException closedMeanwhile) {
                    continue;
                } catch (IOException e) {
                    return ProcResult.failed(ProcError.fromIo(link, e));
                }
                table.add(fd, target);
            }
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(dir, e));
        } catch (DirectoryIteratorException e) {
            return ProcResult.failed(ProcError.fromIo(dir, e.getCause()));
        }
        return ProcResult.ok(table.build());
    }

    /** What fd {@code fd} points at now ({@code socket:[123]}, {@code anon_inode:[io_uring]}, a path); MISSING if closed. */
    public static ProcResult<String> target(ProcRoot root, int fd) {
        Path link = root.fdLink(fd);
        try {
            return ProcResult.ok(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(link, e));
        }
    }

    /**
     * The inode of the file behind {@code fd} (stat through the link). For a ring that is the number
     * {@code /proc/self/maps} shows for its mappings and fdinfo shows as {@code ino}.
     */
    public static ProcResult<Long> inode(ProcRoot root, int fd) {
        Path link = root.fdLink(fd);
        try {
            return ProcResult.ok((Long) Files.getAttribute(link, "unix:ino"));
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(link, e));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return ProcResult.failed(ProcError.of(ProcError.Kind.UNREADABLE, link, "no unix:ino attribute here"));
        }
    }
}
