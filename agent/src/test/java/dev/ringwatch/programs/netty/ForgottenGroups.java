package dev.ringwatch.programs.netty;

import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Leaky: builds 5 one-thread io_uring groups, shuts down 2 and forgets 3 (they live, with their rings,
 * until exit). Exits through System.exit: the forgotten groups' loop threads would keep the JVM up.
 */
public final class ForgottenGroups {
    public static void main(String[] args) throws Exception {
        List<MultiThreadIoEventLoopGroup> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            groups.add(build());
        }
        for (MultiThreadIoEventLoopGroup g : groups) {
            NettyChild.startLoops(g);
        }
        groups.get(0).shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        groups.get(1).shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        NettyChild.print("URING_FDS_AT_EXIT", NettyChild.uringFds());
        System.exit(0);
    }

    /** The frame the agent should name as the rings' creation site. */
    private static MultiThreadIoEventLoopGroup build() {
        return new MultiThreadIoEventLoopGroup(1, NettyChild.ioUring());
    }
}
