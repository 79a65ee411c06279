package dev.ringwatch.agent.it;

import dev.ringwatch.programs.netty.IncubatorGroups;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Netty 4.1's incubator io_uring transport (the real jars, which the build copies into
 * target/it-tools/netty-incubator) under the agent: its rings are tracked as {@code netty-incubator} rings.
 */
class NettyIncubatorIT {
    private static final Path JARS = Path.of("target/it-tools/netty-incubator");

    @ParameterizedTest(name = "on JDK 17: {0}")
    @ValueSource(booleans = {false, true})
    void incubatorRingsAreTrackedClosedOnShutdownAndTheForgottenOnesNamedAtExit(boolean jdk17) throws Exception {
        ChildJvm child = ChildJvm.of("netty-incubator" + (jdk17 ? "-jdk17" : ""), IncubatorGroups.class)
                .classpathLast(jars());
        if (jdk17) {
            child.javaHome(NettyJars.JDK_17);
        }
        ChildRun run = child.run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("4", run.value("URING_FDS_OPEN"), "two groups of two loops; " + run.where());
        assertEquals("2", run.value("URING_FDS_AT_EXIT"), run.where());

        List<RecordedEvent> created = run.events("dev.ringwatch.RingCreated");
        assertEquals(5, created.size(), "4 event loops and the transport's probe ring; " + run.where());
        List<RecordedEvent> closed = run.events("dev.ringwatch.RingClosed");
        assertEquals(3, closed.size(), "the shut-down group's 2 loops and the probe ring; " + run.where());
        for (RecordedEvent e : Stream.concat(created.stream(), closed.stream()).toList()) {
            assertEquals("netty-incubator", e.getString("library"), e.toString());
        }

        List<String> exit = run.logRecords("ringwatch OPEN AT EXIT");
        assertEquals(1, exit.size(), run.where());
        assertTrue(exit.get(0).startsWith("ringwatch OPEN AT EXIT: 2 rings"), exit.get(0));
        assertTrue(exit.get(0).contains("\n\t2 netty-incubator rings from dev.ringwatch.programs.netty.IncubatorGroups"
                + ".build(IncubatorGroups.java:"), "grouped by the frame that built the group; " + exit.get(0));
        assertEquals(List.of(), run.logRecords("ringwatch LEAK"), "open at exit is not a leak; " + run.where());
        assertEquals(List.of(), run.logRecords("ringwatch UNTRACKED"), "every incubator ring is tracked; " + run.where());
    }

    private static List<Path> jars() throws IOException {
        if (!Files.isDirectory(JARS)) {
            throw new IllegalStateException(JARS.toAbsolutePath() + " is missing: the build copies Netty 4.1 and the"
                    + " incubator transport there before the integration tests (agent/pom.xml, copy-netty-incubator)");
        }
        try (Stream<Path> s = Files.list(JARS)) {
            List<Path> jars = s.filter(p -> p.toString().endsWith(".jar")).map(Path::toAbsolutePath).sorted().toList();
            assertEquals(7, jars.size(), "Netty 4.1's 5 jars and the incubator's 2: " + jars);
            return jars;
        }
    }
}
