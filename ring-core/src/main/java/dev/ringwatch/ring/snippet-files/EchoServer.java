import dev.ringwatch.ring.CqeFlags;
import dev.ringwatch.ring.Errno;
import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.Os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/** The package documentation's echo server; compiled and run by PackageExamplesTest. */
public final class EchoServer implements Runnable {
    // @start region="echo"
    private static final int SLOTS = 64;
    private static final int BUFFER = 4096;
    private static final long ACCEPT = 0, RECV = 1, SEND = 2;   // user data: kind << 32 | slot

    private final IoUring ring = IoUring.builder().entries(256).build();
    private final FileTable files = ring.registerFiles(SLOTS);  // direct descriptors, no fd per connection
    private final FixedFile[] connections = new FixedFile[SLOTS];
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffers = arena.allocate((long) SLOTS * BUFFER, 4096);
    private final int listener;
    private volatile boolean stopped;

    /** Listens on {@code address} (port 0: the kernel picks one, see {@link #port()}). */
    public EchoServer(InetSocketAddress address) {
        listener = Os.tcpListen(address, 128);
        files.reserveForKernel(0, SLOTS);              // the kernel picks slots for accepted connections
    }

    public int port() {
        return Os.localAddress(listener).getPort();
    }

    /** Serves until {@link #stop()}; one thread uses the ring. */
    @Override
    public void run() {
        try {
            armAccept();
            while (!stopped) {
                ring.submitAndWait(1);                 // returns early after ring.wakeup()
                ring.forEachCompletion(this::completed);
            }
        } finally {
            ring.close();                              // releases every slot, so every connection
            Os.close(listener);
            arena.close();
        }
    }

    /** Thread-safe: ends {@link #run()} on the ring's thread. */
    public void stop() {
        stopped = true;
        ring.wakeup();
    }

    private void armAccept() {
        // one request, one completion per connection; its result is the slot the kernel filled
        ring.nextSqe().acceptMultishotDirect(listener, 0).userData(ACCEPT << 32);
    }

    private void completed(long userData, int res, int flags) {
        int kind = (int) (userData >>> 32);
        int slot = (int) userData;
        if (kind == ACCEPT) {
            if (res >= 0) {
                connections[res] = files.adopt(res, null);
                recv(res);
            }
            if ((flags & CqeFlags.MORE) == 0 && !stopped) {
                armAccept();                           // the kernel ended the multishot: re-arm it
            }
        } else if (kind == RECV && res > 0) {
            ring.nextSqe().send(connections[slot], buffer(slot).asSlice(0, res), 0).userData(SEND << 32 | slot);
        } else if (kind == SEND && res >= 0) {
            recv(slot);                                // a short send would need the rest sent first; kept out here
        } else {                                       // end of stream (res 0) or an error: drop the connection
            if (res < 0 && kind != RECV) {
                System.err.println("echo: " + Errno.describe(res) + " on slot " + slot);
            }
            connections[slot].close();                 // releases the slot, the kernel closes the socket
            connections[slot] = null;
        }
    }

    private void recv(int slot) {
        ring.nextSqe().recv(connections[slot], buffer(slot), 0).userData(RECV << 32 | slot);
    }

    private MemorySegment buffer(int slot) {
        return buffers.asSlice((long) slot * BUFFER, BUFFER);
    }
    // @end
}
