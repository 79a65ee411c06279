package dev.ringwatch.agent.it;

import dev.ringwatch.programs.LongLived;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options jsonLog and jfr: new files are owner-only, and a link at the last component is not followed. */
class AgentFilesIT {

    @Test
    void newFilesAreOwnerOnly() throws Exception {
        Path dir = ChildJvm.runDir("files-owner-only-files");
        Path json = dir.resolve("alerts.jsonl");
        Files.deleteIfExists(json);
        Path jfr = dir.resolve("own.jfr");
        Files.deleteIfExists(jfr);
        ChildRun run = ChildJvm.of("files-owner-only", LongLived.class).withoutRecording()
                .agentOptions("jsonLog=" + json + ",jfr=" + jfr).run();
        assertEquals(0, run.exitCode(), run.where());
        assertTrue(Files.size(json) > 0 && Files.size(jfr) > 0, run.where());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(jfr)));
    }

    @Test
    void linksAtTheLastComponentAreNotFollowed() throws Exception {
        Path dir = ChildJvm.runDir("files-links-files");
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep");
        Path json = dir.resolve("alerts.jsonl");
        Path jfr = dir.resolve("own.jfr");
        for (Path link : List.of(json, jfr)) {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, victim);
        }
        ChildRun run = ChildJvm.of("files-links", LongLived.class).withoutRecording()
                .agentOptions("jsonLog=" + json + ",jfr=" + jfr).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("keep", Files.readString(victim), "written through a link; " + run.where());
        assertEquals(1, run.logRecords("ringwatch: bad value '" + json + "' for option jsonLog").size(), run.where());
        assertEquals(1, run.logRecords("ringwatch: bad value '" + jfr + "' for option jfr").size(), run.where());
        assertTrue(run.logRecords("ringwatch: bad value '" + jfr + "'").get(0)
                .contains(jfr + " is a symbolic link; the agent does not write through a link"), run.where());
    }
}
