package dev.ringwatch.agent.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens the files the agent writes (jsonLog, jfr). They hold stacks, class and thread names: a new one
 * is created owner-only (0600) whatever the umask, and a symbolic link at the last component is refused
 * rather than followed, so that a link planted in a shared directory cannot point the agent's writes at
 * another file. An existing regular file is appended to (or truncated by JFR) and keeps its permissions.
 */
public final class OwnerOnlyFile {
    private static final Set<StandardOpenOption> APPEND = EnumSet.of(StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    private OwnerOnlyFile() {
    }

    /** Opens {@code file} for appending, creating it 0600. */
    public static FileChannel openForAppend(Path file) throws IOException {
        refuseLinkOrSpecialFile(file);
        try {
            return FileChannel.open(file, withNoFollow(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (FileSystemException e) {
            // ELOOP: a link appeared after the check; name it instead of the kernel's wording
            refuseLinkOrSpecialFile(file);
            throw e;
        }
    }

    /** Creates {@code file} 0600 if it does not exist, so that a writer that follows links finds it in place. */
    public static void createIfAbsent(Path file) throws IOException {
        openForAppend(file).close();
    }

    /** Why the agent will not write to {@code file}, or null when it may: for the option's check at start. */
    public static String refusal(Path file) {
        try {
            refuseLinkOrSpecialFile(file);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static Set<java.nio.file.OpenOption> withNoFollow() {
        Set<java.nio.file.OpenOption> options = new java.util.HashSet<>(APPEND);
        options.add(LinkOption.NOFOLLOW_LINKS);
        return options;
    }

    private static void refuseLinkOrSpecialFile(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(file + " is a symbolic link; the agent does not write through a link (give the"
                    + " path of the file itself)");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " exists and is not a regular file");
        }
    }
}
