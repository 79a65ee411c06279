package dev.ringwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreationSitesTest {
    private static final String CONN = String.join("\n",
            "dev.ringwatch.ring.IoUring$Builder.build(IoUring.java:120)",
            "app//com.example.Conn.open(Conn.java:17)",
            "app//com.example.Server.accept(Server.java:88)");
    private static final String NETTY = String.join("\n",
            "\tat io.netty.channel.uring.Native.createRingBuffer(Native.java:200)",
            "\tat io.netty.channel.uring.IoUringIoHandler.<init>(IoUringIoHandler.java:80)",
            "\tat shop@1.2/com.shop.Boot.start(Boot.java:31)");

    @Test
    void theSiteIsTheFirstApplicationFrameWithoutItsLoaderPrefix() {
        assertEquals("com.example.Conn.open(Conn.java:17)", CreationSites.applicationFrame(CONN));
        assertEquals("com.shop.Boot.start(Boot.java:31)", CreationSites.applicationFrame(NETTY));
    }

    @Test
    void aStackOfLibraryFramesOnlyFallsBackToItsFirstNonJdkFrame() {
        assertEquals("dev.ringwatch.ring.IoUring.close(IoUring.java:9)", CreationSites.applicationFrame(
                "java.lang.Thread.run(Thread.java:1)\ndev.ringwatch.ring.IoUring.close(IoUring.java:9)"));
        assertNull(CreationSites.applicationFrame("java.lang.Thread.run(Thread.java:1)"));
        assertNull(CreationSites.applicationFrame(""));
    }

    @Test
    void theTopSiteIsTheMostFrequentWithItsCount() {
        assertEquals(Optional.of(new CreationSites.Site("com.shop.Boot.start(Boot.java:31)", 2)),
                CreationSites.top(List.of(CONN, NETTY, NETTY)));
        assertEquals(Optional.empty(), CreationSites.top(List.of()));
    }
}
