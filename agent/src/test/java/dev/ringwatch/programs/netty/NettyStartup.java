package dev.ringwatch.programs.netty;

import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.util.concurrent.TimeUnit;

/** Start-up probe for bench/run-netty.sh: one io_uring event loop up and shut down, then exit. */
public final class NettyStartup {
    public static void main(String[] args) throws Exception {
        MultiThreadIoEventLoopGroup group = NettyChild.group(1);
        NettyChild.startLoops(group);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        NettyChild.print("STARTED", "yes");
    }
}
