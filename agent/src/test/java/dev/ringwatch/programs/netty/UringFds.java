package dev.ringwatch.programs.netty;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts this process's io_uring fds; free of Netty, so programs for either Netty line (4.1, 4.2) share it. */
public final class UringFds {
    private UringFds() {
    }

    /** Open io_uring fds of this process, as the kernel lists them. */
    public static int count() {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals("anon_inode:[io_uring]")) {
                        n++;
                    }
                } catch (IOException closedMeanwhile) {
                    // the directory stream's own fd, or one closed since the listing
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }
}
