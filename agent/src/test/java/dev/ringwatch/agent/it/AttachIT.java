package dev.ringwatch.agent.it;

import dev.ringwatch.programs.AttachLater;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading the agent into a running JVM retransforms the ring-core classes loaded already. */
class AttachIT {

    @Test
    void ringsMadeAfterAttachAreTracked() throws Exception {
        ChildRun run = ChildJvm.of("attach-later", AttachLater.class, ChildJvm.agentJar().toString()).withoutAgent()
                .jvmArg("-Djdk.attach.allowAttachSelf=true").jvmArg("-XX:+EnableDynamicAgentLoading").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("1", run.value("LEAKS"), run.where());
        assertEquals("1", run.value("LIVE_RINGS"), "the ring made before the attach is not tracked; " + run.where());
        String line = run.leakLines("ring outlived owner").get(0);
        assertTrue(line.contains("\tdev.ringwatch.programs.AttachLater.dropOne("), line);
        assertEquals(1, run.events("dev.ringwatch.RingCreated").size(), run.where());
    }
}
