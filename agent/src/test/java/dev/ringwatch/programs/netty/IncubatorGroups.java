package dev.ringwatch.programs.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Netty 4.1's incubator io_uring transport ({@code io.netty.incubator.channel.uring}), run on 4.1's jars
 * alone: builds two 2-thread groups, starts their loops, shuts one down and forgets the other, then exits
 * through System.exit (the forgotten loops would keep the JVM up). Compiled against 4.2's interfaces, which
 * 4.1's classes implement with the same methods, and loads the incubator's group by name.
 */
public final class IncubatorGroups {
    private static final String GROUP = "io.netty.incubator.channel.uring.IOUringEventLoopGroup";

    public static void main(String[] args) throws Exception {
        EventLoopGroup closed = build();
        EventLoopGroup forgotten = build();
        start(closed);
        start(forgotten);
        print("URING_FDS_OPEN", UringFds.count());
        closed.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        print("URING_FDS_AT_EXIT", UringFds.count());
        System.exit(0);
    }

    /** The frame the agent should name as the rings' creation site. */
    private static EventLoopGroup build() throws ReflectiveOperationException {
        return (EventLoopGroup) Class.forName(GROUP).getConstructor(int.class).newInstance(2);
    }

    private static void start(EventLoopGroup group) throws Exception {
        for (EventExecutor e : group) {
            e.submit(() -> { }).sync();
        }
    }

    private static void print(String key, Object value) {
        System.out.println("CHILD " + key + "=" + value);
    }
}
