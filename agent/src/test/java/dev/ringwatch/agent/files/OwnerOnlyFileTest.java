package dev.ringwatch.agent.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnerOnlyFileTest {

    @Test
    void aNewFileIsOwnerOnlyWhateverTheUmask(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (FileChannel out = OwnerOnlyFile.openForAppend(file)) {
            out.write(ByteBuffer.wrap("a\n".getBytes(StandardCharsets.UTF_8)));
        }
        try (FileChannel out = OwnerOnlyFile.openForAppend(file)) {
            out.write(ByteBuffer.wrap("b\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals("a\nb\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path recording = dir.resolve("r.jfr");
        OwnerOnlyFile.createIfAbsent(recording);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(recording)));
    }

    @Test
    void anExistingFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("shared.jsonl"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        OwnerOnlyFile.openForAppend(file).close();
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aSymbolicLinkAtTheLastComponentIsNotFollowed(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("alerts.jsonl"), victim);
        IOException refused = assertThrows(IOException.class, () -> OwnerOnlyFile.openForAppend(link));
        assertEquals(link + " is a symbolic link; the agent does not write through a link (give the path of the"
                + " file itself)", refused.getMessage());
        assertEquals(refused.getMessage(), OwnerOnlyFile.refusal(link));
        Path dangling = Files.createSymbolicLink(dir.resolve("r.jfr"), dir.resolve("not-yet"));
        assertThrows(IOException.class, () -> OwnerOnlyFile.createIfAbsent(dangling));
        assertEquals("keep", Files.readString(victim));
        assertTrue(Files.notExists(dir.resolve("not-yet")));
        assertNull(OwnerOnlyFile.refusal(dir.resolve("fresh")));
    }
}
