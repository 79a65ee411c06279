package dev.ringwatch.sample.echo;

import dev.ringwatch.ring.CqeFlags;
import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.sample.cli.Linger;
import dev.ringwatch.ring.Errno;
import dev.ringwatch.ring.Os;
import dev.ringwatch.ring.Sockets;
import dev.ringwatch.sample.net.TcpListener;
import dev.ringwatch.sample.proc.RingFdInfo;
import dev.ringwatch.sample.uring.CompletionBatch;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A single-threaded TCP echo server on one ring. The listening socket sits in fixed slot 0 with a
 * multishot accept that puts each connection straight into a slot the kernel picks from a reserved
 * range; the server adopts the slot, echoes with recv/send on the direct descriptor and closes the
 * connection by releasing its slot. {@code leakSlotEvery} > 0 drops every N-th closing connection's
 * slot handle without releasing it, which leaves the socket open in the kernel.
 */
public final class EchoServer implements AutoCloseable {
    /** What to serve and what to get wrong on purpose. */
    public record Config(int maxConnections, int bufferBytes, int leakSlotEvery, int lingerMs, Duration reportEvery) {
        public Config {
            if (maxConnections < 1 || bufferBytes < 1 || leakSlotEvery < 0 || lingerMs < 0) {
                throw new IllegalArgumentException("bad echo server config " + this);
            }
        }
    }

    /** What happened, for the summary. */
    public record Stats(long accepted, long closedByPeer, long released, long leakedSlots, long bytesEchoed,
                        long errors, String firstError, long acceptErrors, int maxLive, int kernelSlotsAtEnd) {
    }

    private static final int ACCEPT = 1, RECV = 2, SEND = 3, CANCEL = 4;
    private static final int ECONNRESET = 104, EPIPE = 32, ENFILE = 23, ECANCELED = 125;
    private static final Duration SLICE = Duration.ofMillis(100);

    private final TcpListener listener;
    private final Config config;
    private volatile boolean stop;

    // loop state, touched only by the serving thread
    private IoUring ring;
    private FileTable files;
    private FixedFile listenerSlot;
    private Arena buffers;
    private Connection[] connections;
    private MemorySegment[] slotBuffers;
    private int generation;
    private int live;
    private boolean acceptArmed;
    private long acceptRetryAt;
    private long accepted, closedByPeer, released, leaked, bytes, errors, acceptErrors;
    private int maxLive;
    private String firstError;
    private CompletionBatch batch;

    /** One accepted connection; its slot's owner, so dropping it makes the slot's owner unreachable. */
    private static final class Connection {
        final int gen;
        FixedFile file;
        MemorySegment buf;
        int pending;
        int sent;

        Connection(int gen) {
            this.gen = gen;
        }
    }

    private EchoServer(TcpListener listener, Config config) {
        this.listener = listener;
        this.config = config;
    }

    /** Binds and listens on 127.0.0.1:{@code port} (0: ephemeral) in the calling thread. */
    public static EchoServer listen(int port, Config config) {
        TcpListener listener = TcpListener.loopback(port, 1024);
        try {
            // accepted sockets inherit TCP_NODELAY from the listener on Linux; direct descriptors have no fd
            // to set it on, and with Nagle an echo sent in pieces waits for the client's delayed ACK
            Os.setIntOption(listener.fd(), Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1);
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
        return new EchoServer(listener, config);
    }

    public int port() {
        return listener.port();
    }

    public TcpListener listener() {
        return listener;
    }

    /** Asks {@link #serve} to finish (within about 100 ms); any thread. */
    public void requestStop() {
        stop = true;
    }

    /**
     * Serves on the calling thread until {@code duration} has passed or {@link #requestStop()}, then
     * releases the live connections' slots, lingers if configured, and closes the ring.
     */
    public Stats serve(Duration duration, PrintStream log) throws InterruptedException {
        int tableSize = 1 + config.maxConnections();
        int cq = Integer.highestOneBit(Math.max(256, 2 * config.maxConnections() + 64) - 1) << 1;
        try (IoUring r = IoUring.builder().entries(256).cqEntries(cq).build();
             Arena a = Arena.ofConfined()) {
            ring = r;
            buffers = a;
            files = ring.registerFiles(tableSize);
            files.reserveForKernel(1, config.maxConnections());
            listenerSlot = files.register(listener.fd(), listener);
            connections = new Connection[tableSize];
            slotBuffers = new MemorySegment[tableSize];
            batch = new CompletionBatch(cq);
            armAccept();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            long nextReport = config.reportEvery() == null ? Long.MAX_VALUE : start + config.reportEvery().toNanos();
            while (!stop) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (!acceptArmed && now >= acceptRetryAt) {
                    armAccept();
                }
                ring.submitAndWait(1, Duration.ofNanos(Math.min(SLICE.toNanos(), deadline - now)));
                int n = batch.reap(ring);
                for (int i = 0; i < n; i++) {
                    handle(batch.userData(i), batch.res(i), batch.flags(i));
                }
                if (System.nanoTime() >= nextReport) {
                    log.printf("  %5.1f s: %d live connections, %d accepted, %d closed, %d slots leaked, %.1f MB echoed%n",
                            (System.nanoTime() - start) / 1e9, live, accepted, closedByPeer, leaked, bytes / 1e6);
                    nextReport += config.reportEvery().toNanos();
                }
            }
            shutdown();
            int kernelSlots = RingFdInfo.occupiedSlots(Path.of("/proc"), ring.fd());
            if (leaked > 0) {
                log.printf("echo-server: %d connection slot(s) dropped without release: the kernel still holds %d"
                        + " slot(s) besides the listener's, each keeping a socket open%n", leaked, kernelSlots - 1);
            }
            Linger.linger(log, config.lingerMs());
            return new Stats(accepted, closedByPeer, released, leaked, bytes, errors, firstError, acceptErrors, maxLive,
                    kernelSlots);
        } finally {
            ring = null;
            files = null;
            connections = null;
        }
    }

    @Override
    public void close() {
        listener.close();
    }

    private void armAccept() {
        ring.nextSqe().acceptMultishotDirect(listenerSlot, 0).userData(userData(ACCEPT, 0, 0));
        acceptArmed = true;
    }

    private void handle(long userData, int res, int flags) {
        int kind = (int) (userData >>> 56);
        int slot = (int) userData;
        int gen = (int) (userData >>> 32) & 0xFF_FFFF;
        switch (kind) {
            case ACCEPT -> onAccept(res, flags);
            case RECV, SEND -> {
                Connection c = connections[slot];
                if (c == null || c.gen != gen) {
                    error("completion for slot " + slot + " that has no such connection (user data 0x"
                            + Long.toHexString(userData) + ")");
                } else if (kind == RECV) {
                    onRecv(slot, c, res);
                } else {
                    onSend(slot, c, res);
                }
            }
            case CANCEL -> { }
            default -> error("completion with unknown user data 0x" + Long.toHexString(userData));
        }
    }

    private void onAccept(int res, int flags) {
        if ((flags & CqeFlags.MORE) == 0) {
            acceptArmed = false;
        }
        if (res < 0) {
            if (res == -ECANCELED && stop) {
                return;
            }
            acceptErrors++;
            if (res == -ENFILE) {
                // every slot of the kernel's range is taken (leaked slots never come back): back off
                acceptRetryAt = System.nanoTime() + SLICE.toNanos();
            }
            error("accept: " + Errno.describe(res) + (res == -ENFILE ? " (all " + config.maxConnections()
                    + " connection slots are occupied)" : ""));
            return;
        }
        int slot = res;
        Connection c = new Connection(++generation & 0xFF_FFFF);
        c.file = files.adopt(slot, c);
        if (slotBuffers[slot] == null) {
            slotBuffers[slot] = buffers.allocate(config.bufferBytes());
        }
        c.buf = slotBuffers[slot];
        connections[slot] = c;
        accepted++;
        live++;
        maxLive = Math.max(maxLive, live);
        armRecv(slot, c);
    }

    private void onRecv(int slot, Connection c, int res) {
        if (res > 0) {
            c.pending = res;
            c.sent = 0;
            armSend(slot, c);
        } else if (res == 0 || res == -ECONNRESET) {
            closeConnection(slot, c);
        } else {
            error("recv on slot " + slot + ": " + Errno.describe(res));
            closeConnection(slot, c);
        }
    }

    private void onSend(int slot, Connection c, int res) {
        if (res < 0) {
            if (res != -ECONNRESET && res != -EPIPE) {
                error("send on slot " + slot + ": " + Errno.describe(res));
            }
            closeConnection(slot, c);
            return;
        }
        c.sent += res;
        bytes += res;
        if (c.sent < c.pending) {
            armSend(slot, c);
        } else {
            armRecv(slot, c);
        }
    }

    private void armRecv(int slot, Connection c) {
        ring.nextSqe().recv(c.file, c.buf, 0).userData(userData(RECV, c.gen, slot));
        if (ring.sqSpaceLeft() == 0) {
            ring.submit();
        }
    }

    private void armSend(int slot, Connection c) {
        ring.nextSqe().send(c.file, c.buf.asSlice(c.sent, c.pending - c.sent), 0).userData(userData(SEND, c.gen, slot));
        if (ring.sqSpaceLeft() == 0) {
            ring.submit();
        }
    }

    /** The peer is gone: release the slot, or on purpose forget it. */
    private void closeConnection(int slot, Connection c) {
        connections[slot] = null;
        live--;
        closedByPeer++;
        if (config.leakSlotEvery() > 0 && closedByPeer % config.leakSlotEvery() == 0) {
            leaked++; // c and its FixedFile become unreachable with the slot still occupied
        } else {
            c.file.close();
            released++;
        }
    }

    private void shutdown() {
        if (acceptArmed) {
            ring.nextSqe().asyncCancel(userData(ACCEPT, 0, 0), 0).userData(userData(CANCEL, 0, 0));
            ring.submit();
        }
        stop = true;
        for (int slot = 0; slot < connections.length; slot++) {
            Connection c = connections[slot];
            if (c != null) {
                // an in-flight recv keeps the socket until the ring closes; the slot is ours to release now
                c.file.close();
                connections[slot] = null;
                live--;
                released++;
            }
        }
    }

    private void error(String what) {
        errors++;
        if (firstError == null) {
            firstError = what;
        }
    }

    private static long userData(int kind, int gen, int slot) {
        return ((long) kind << 56) | ((long) gen << 32) | (slot & 0xFFFF_FFFFL);
    }
}
