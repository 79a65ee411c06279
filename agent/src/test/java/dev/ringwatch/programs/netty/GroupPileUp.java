package dev.ringwatch.programs.netty;

import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * Leaky: builds a one-thread io_uring group every {@code intervalMillis} (argument 2, default 50), {@code n}
 * times (argument 1, default 40), and never shuts one down: a pile-up of rings from one creation site.
 */
public final class GroupPileUp {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long interval = args.length > 1 ? Long.parseLong(args[1]) : 50;
        List<MultiThreadIoEventLoopGroup> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kept.add(perRequestGroup());
            NettyChild.sleep(interval);
        }
        NettyChild.sleep(1500); // a few more pile-up rounds: the rule must still fire only once
        NettyChild.print("GROUPS", kept.size());
        NettyChild.print("URING_FDS", NettyChild.uringFds());
        System.exit(0);
    }

    private static MultiThreadIoEventLoopGroup perRequestGroup() {
        return new MultiThreadIoEventLoopGroup(1, NettyChild.ioUring());
    }
}
