package dev.ringwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreationStacksTest {

    @Test
    void siteIsTheFirstFrameBelowStackCaptureAgentAndRingCore() {
        String stack = """
                java.base/java.lang.Thread.getStackTrace(Thread.java:2450)
                dev.ringwatch.agent.shaded.net.bytebuddy.Foo.bar(Foo.java:1)
                dev.ringwatch.ring.IoUring$Builder.build(IoUring.java:99)
                app//com.example.Server.start(Server.java:42)
                dev.ringwatch.ring.Helper.callback(Helper.java:5)
                com.example.Main.main(Main.java:7)
                """;
        assertEquals("app//com.example.Server.start(Server.java:42)", CreationStacks.site(stack));
        assertEquals(List.of("app//com.example.Server.start(Server.java:42)",
                        "dev.ringwatch.ring.Helper.callback(Helper.java:5)"),
                CreationStacks.topFrames(stack, 2), "only the leading ringwatch frames are skipped");
    }

    @Test
    void printStackTraceStyleWithHeaderLineAndWindowsLineEndsIsAccepted() {
        String stack = "java.lang.Throwable: ring created\r\n\tat java.lang.Throwable.<init>(Throwable.java:1)\r\n"
                + "\tat dev.ringwatch.agent.Tracker.capture(Tracker.java:3)\r\n\tat com.example.A.b(A.java:9)\r\n";
        assertEquals(List.of("com.example.A.b(A.java:9)"), CreationStacks.topFrames(stack, 5));
    }

    @Test
    void aStackOfRingwatchFramesOnlyIsShownFromTheTop() {
        String stack = "dev.ringwatch.ring.IoUring.setup(IoUring.java:1)\ndev.ringwatch.ring.IoUringTest.t(IoUringTest.java:2)";
        assertEquals("dev.ringwatch.ring.IoUring.setup(IoUring.java:1)", CreationStacks.site(stack));
    }

    @Test
    void noStackNoSite() {
        assertNull(CreationStacks.site(""));
        assertNull(CreationStacks.site("  \n \n"));
        assertEquals(List.of(), CreationStacks.topFrames(null, 5));
    }
}
