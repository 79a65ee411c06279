package dev.ringwatch.agent.it;

import dev.ringwatch.programs.netty.ForgottenGroups;
import dev.ringwatch.programs.netty.NettyEcho;
import dev.ringwatch.testsupport.ChildProcess;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Netty 4.2's io_uring transport (the real library) under the agent: its rings are tracked like ring-core's. */
class NettyRingsIT {

    @ParameterizedTest(name = "on JDK 17: {0}")
    @ValueSource(booleans = {false, true})
    void healthyEchoServerAndClientGiveNoLeakLineAndOneCreatedAndClosedPerRing(boolean jdk17) throws Exception {
        ChildRun run = NettyJars.child("netty-echo-healthy", NettyEcho.class, jdk17, "1", "4").run();
        assertEquals(0, run.exitCode(), run.where());
        assertTrue(Long.parseLong(run.value("ROUND_TRIPS")) > 0, run.where());
        assertEquals("4", run.value("URING_FDS_UNDER_TRAFFIC"), "boss, 2 workers, 1 client loop");
        assertEquals("0", run.value("URING_FDS_AFTER"));
        assertEquals(List.of(), run.logRecords("ringwatch LEAK"), run.where());
        assertEquals(List.of(), run.logRecords("ringwatch OPEN AT EXIT"), run.where());
        assertEquals(jdk17 ? 1 : 0, run.logRecords("ringwatch: on JDK 17 the agent tracks Netty's io_uring rings;"
                + " not available before JDK 25: rings made through ring-core").size(), run.where());

        List<RecordedEvent> created = run.events("dev.ringwatch.RingCreated");
        List<RecordedEvent> closed = run.events("dev.ringwatch.RingClosed");
        assertEquals(5, created.size(), "4 event loops and IoUring's probe ring; " + run.where());
        Set<Long> ids = new HashSet<>();
        for (RecordedEvent e : created) {
            assertTrue(ids.add(e.getLong("ringId")));
            assertEquals("netty", e.getString("library"));
        }
        for (RecordedEvent e : closed) {
            assertTrue(ids.remove(e.getLong("ringId")), "closed a created ring once: " + e);
            assertEquals("netty", e.getString("library"));
        }
        assertEquals(Set.of(), ids, "every ring closed");
        assertEquals(4, created.stream().filter(e -> e.getString("setupFlags").contains("SINGLE_ISSUER")).count(),
                "the loops' rings carry Netty's decoded set-up flags");
    }

    @ParameterizedTest(name = "on JDK 17: {0}")
    @ValueSource(booleans = {false, true})
    void forgottenGroupsAreNamedAtExitWithTheFrameThatBuiltThem(boolean jdk17) throws Exception {
        ChildRun run = NettyJars.child("netty-forgotten-groups", ForgottenGroups.class, jdk17).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("3", run.value("URING_FDS_AT_EXIT"));
        List<String> exit = run.logRecords("ringwatch OPEN AT EXIT");
        assertEquals(1, exit.size(), run.where());
        assertTrue(exit.get(0).startsWith("ringwatch OPEN AT EXIT: 3 rings"), exit.get(0));
        assertTrue(exit.get(0).contains("\n\t3 netty rings from dev.ringwatch.programs.netty.ForgottenGroups.build("),
                "grouped by creation site; " + exit.get(0));
        assertTrue(exit.get(0).contains("dev.ringwatch.programs.netty.ForgottenGroups.build(ForgottenGroups.java:"),
                exit.get(0));
        assertEquals(List.of(), run.logRecords("ringwatch LEAK"), "open at exit is not a leak; " + run.where());
    }

    @Test
    void aShadedCopyOfNettyIsTrackedLikeNettyItself() throws Exception {
        Path dir = ChildJvm.runDir("netty-shaded-jar");
        Path jar = ShadedNetty.jar(dir, Path.of(ChildProcess.location(NettyEcho.class)));
        ChildRun run = ChildJvm.of("netty-shaded", NettyEcho.class, "1", "2").classpathOnly(List.of(jar)).run();
        assertEquals(0, run.exitCode(), run.where());
        assertTrue(Long.parseLong(run.value("ROUND_TRIPS")) > 0, run.where());
        assertEquals("0", run.value("URING_FDS_AFTER"));
        assertEquals(List.of(), run.logRecords("ringwatch LEAK"), run.where());
        assertEquals(List.of(), run.logRecords("ringwatch UNTRACKED"), "every shaded ring is tracked; " + run.where());
        List<RecordedEvent> created = run.events("dev.ringwatch.RingCreated");
        assertEquals(5, created.size(), "4 event loops and the probe ring; " + run.where());
        for (RecordedEvent e : created) {
            assertEquals("netty", e.getString("library"));
            assertEquals(ShadedNetty.classNames().get(0), e.getString("ownerClass"), "the relocated RingBuffer");
        }
        assertEquals(5, run.events("dev.ringwatch.RingClosed").size(), run.where());
    }
}
