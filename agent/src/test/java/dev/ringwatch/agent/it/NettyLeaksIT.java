package dev.ringwatch.agent.it;

import dev.ringwatch.programs.netty.GroupPileUp;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Netty's rings leaking where the GC cannot tell: groups never shut down keep their loops' rings reachable. */
class NettyLeaksIT {

    @Test
    void groupsBuiltInALoopAndNeverShutDownRaiseOnePileUp() throws Exception {
        ChildRun run = ChildJvm.of("netty-pile-up", GroupPileUp.class, "40", "50").classpathLast(NettyJars.all())
                .agentOptions("pileUpWindow=300ms").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("40", run.value("URING_FDS"));
        List<String> lines = run.leakLines("ring pile-up");
        assertEquals(1, lines.size(), run.where());
        String line = lines.get(0);
        assertTrue(line.matches("(?s)ringwatch LEAK ring pile-up: \\d+ netty rings open from one creation site.*"), line);
        assertTrue(line.contains("they hold 0 SQPOLL threads"), line);
        assertTrue(line.contains("\n\tdev.ringwatch.programs.netty.GroupPileUp.perRequestGroup(GroupPileUp.java:"), line);
        assertTrue(line.contains("-> fix: close what this site creates when done (EventLoopGroup.shutdownGracefully())"),
                line);
        assertEquals(1, run.logRecords("ringwatch LEAK").size(), "nothing else is a leak here; " + run.where());

        List<RecordedEvent> events = run.events("dev.ringwatch.RingPileUp");
        assertEquals(1, events.size(), run.where());
        RecordedEvent e = events.get(0);
        assertEquals("netty", e.getString("library"));
        assertTrue(e.getInt("openRings") > 16, e.toString());
        assertEquals(0, e.getInt("sqpollThreads"));
        assertTrue(e.getString("creationSite").startsWith("dev.ringwatch.programs.netty.GroupPileUp.perRequestGroup("),
                e.getString("creationSite"));
        assertTrue(e.getLong("oldestAge") > 0);
    }
}
