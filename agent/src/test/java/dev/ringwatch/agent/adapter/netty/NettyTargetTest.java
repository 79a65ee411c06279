package dev.ringwatch.agent.adapter.netty;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NettyTargetTest {

    @Test
    void matchesNettys42ClassesAndTheirShadedCopies() {
        NettyTarget.Match plain = NettyTarget.match("io/netty/channel/uring/RingBuffer");
        assertEquals(NettyTarget.RING_BUFFER, plain.target());
        assertEquals("netty", plain.library());
        assertEquals("io/netty/channel/uring/", plain.packageName());
        NettyTarget.Match shaded = NettyTarget.match("com/acme/shaded/io/netty/channel/uring/Native");
        assertEquals(NettyTarget.NATIVE, shaded.target());
        assertEquals("com/acme/shaded/io/netty/channel/uring/IoUringBufferRing", shaded.type("IoUringBufferRing"));
        assertEquals(NettyTarget.LOOP_OWNER, NettyTarget.match("io/netty/channel/uring/IoUringIoHandler").target());
        assertEquals(NettyTarget.BUFFER_RING, NettyTarget.match("io/netty/channel/uring/IoUringBufferRing").target());
    }

    @Test
    void matchesTheIncubatorTransportUnderItsOwnNames() {
        NettyTarget.Match loop = NettyTarget.match("io/netty/incubator/channel/uring/IOUringEventLoop");
        assertEquals(NettyTarget.LOOP_OWNER, loop.target());
        assertEquals("netty-incubator", loop.library());
        assertNull(NettyTarget.match("io/netty/incubator/channel/uring/IoUringIoHandler"));
    }

    @Test
    void leavesLookalikesAlone() {
        assertNull(NettyTarget.match("io/netty/channel/uring/RingBufferX"));
        assertNull(NettyTarget.match("xio/netty/channel/uring/RingBuffer"), "a package that only ends like Netty's");
        assertNull(NettyTarget.match("io/netty/channel/epoll/Native"));
        assertNull(NettyTarget.match("dev/ringwatch/ring/IoUring"));
        assertNull(NettyTarget.match("RingBuffer"));
        assertNull(NettyTarget.match(null));
    }
}
