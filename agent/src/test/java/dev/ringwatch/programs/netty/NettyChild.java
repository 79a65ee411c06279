package dev.ringwatch.programs.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;

/**
 * What the Netty test programs share. Compiled at release 17 and free of FFM, so the same programs run
 * in child JVMs on JDK 17 as on 25, and relocated into a shaded copy of Netty.
 */
public final class NettyChild {
    private NettyChild() {
    }

    public static void print(String key, Object value) {
        System.out.println("CHILD " + key + "=" + value);
    }

    /** Fails at once (with Netty's reason) when io_uring is not usable here, instead of a confusing later error. */
    public static IoHandlerFactory ioUring() {
        IoUring.ensureAvailability();
        return IoUringIoHandler.newFactory();
    }

    public static MultiThreadIoEventLoopGroup group(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioUring());
    }

    /** Open io_uring fds of this process, as the kernel lists them. */
    public static int uringFds() {
        return UringFds.count();
    }

    /** Runs one task on every loop of {@code group}, so each loop thread has started and initialised its ring. */
    public static void startLoops(MultiThreadIoEventLoopGroup group) throws Exception {
        for (io.netty.util.concurrent.EventExecutor e : group) {
            e.submit(() -> { }).sync();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
