package dev.ringwatch.programs.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Healthy: a Netty io_uring echo server and clients on 127.0.0.1, ping-pong of 64-byte messages for a
 * while, then every group shut down gracefully. Arguments: {@code [seconds] [connections]} (defaults 2, 4).
 * Prints the round trips, round trips per second, and the io_uring fds open under traffic and after.
 */
public final class NettyEcho {
    private static final int MESSAGE = 64;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int before = NettyChild.uringFds();
        MultiThreadIoEventLoopGroup boss = NettyChild.group(1);
        MultiThreadIoEventLoopGroup workers = NettyChild.group(2);
        MultiThreadIoEventLoopGroup clients = NettyChild.group(1);
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(IoUringServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new EchoBack());
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            AtomicLong trips = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch done = new CountDownLatch(connections);
            Bootstrap client = new Bootstrap().group(clients).channel(IoUringSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new PingPong(trips, running, done));
                        }
                    });
            List<Channel> conns = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                conns.add(client.connect(server.localAddress()).sync().channel());
            }
            long start = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            int underTraffic = NettyChild.uringFds() - before;
            running.set(false);
            done.await(10, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            for (Channel c : conns) {
                c.close().sync();
            }
            server.close().sync();
            NettyChild.print("ROUND_TRIPS", trips.get());
            NettyChild.print("REQUESTS_PER_SECOND", Math.round(trips.get() / elapsed));
            NettyChild.print("URING_FDS_UNDER_TRAFFIC", underTraffic);
        } finally {
            clients.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
        NettyChild.print("URING_FDS_AFTER", NettyChild.uringFds() - before);
    }

    /** Server side: writes back what it reads. */
    private static final class EchoBack extends SimpleChannelInboundHandler<ByteBuf> {
        EchoBack() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            ctx.writeAndFlush(msg);
        }
    }

    /** Client side: one message in flight; the next goes when the whole echo is back. */
    private static final class PingPong extends SimpleChannelInboundHandler<ByteBuf> {
        private final AtomicLong trips;
        private final AtomicBoolean running;
        private final CountDownLatch done;
        private int pending;

        PingPong(AtomicLong trips, AtomicBoolean running, CountDownLatch done) {
            this.trips = trips;
            this.running = running;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            pending -= msg.readableBytes();
            if (pending > 0) {
                return;
            }
            trips.incrementAndGet();
            if (running.get()) {
                send(ctx);
            } else {
                done.countDown();
            }
        }

        private void send(ChannelHandlerContext ctx) {
            pending = MESSAGE;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[MESSAGE]));
        }
    }
}
