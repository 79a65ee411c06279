package dev.ringwatch.sample.echo;

import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.Sqe;
import dev.ringwatch.ring.Errno;
import dev.ringwatch.ring.Os;
import dev.ringwatch.ring.Sockets;
import dev.ringwatch.ring.Sockaddr;
import dev.ringwatch.sample.uring.CompletionBatch;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * Closed-loop echo load over loopback, driven from one thread through its own ring so that it costs
 * less CPU than the server it measures: every connection keeps one request in flight (a send and a
 * recv of the whole message submitted together), the echo is checked byte for byte, and the round
 * trip from queuing to the last byte received is recorded. Requests during the warm-up are made but
 * not recorded.
 */
public final class EchoLoad {
    /** Where and how hard to push. {@code reconnectEvery} 0 keeps each connection for the whole run. */
    public record Config(InetSocketAddress target, int connections, Duration warmup, Duration duration,
                         int messageBytes, int reconnectEvery) {
    }

    /** Totals over the measured window. */
    public record Result(long requests, double seconds, LatencyHistogram latency, long errors, String firstError,
                         long connects) {
        public double requestsPerSecond() {
            return seconds <= 0 ? 0 : requests / seconds;
        }
    }

    /** Past the end, how long in-flight requests may take before they count as errors. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration SLICE = Duration.ofMillis(50);
    private static final long RETRY_NANOS = 10_000_000L;
    private static final int SOCKET = 1, CONNECT = 2, SEND = 3, RECV = 4;

    private final Config config;

    // state of one run, touched only by the running thread
    private IoUring ring;
    private MemorySegment sockaddr;
    private Conn[] conns;
    private long measureFrom, end;
    private final ArrayDeque<Conn> retries = new ArrayDeque<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private long requests, errors, connects, lastDone;
    private int closed;
    private String firstError;

    /** One connection and its one request in flight. */
    private static final class Conn {
        final int index;
        final MemorySegment out, in;
        int fd = -1;
        int gen;
        long seq;
        long t0;
        int sent, received;
        int onThisConnection;
        long retryAt;
        boolean done;

        Conn(int index, MemorySegment out, MemorySegment in) {
            this.index = index;
            this.out = out;
            this.in = in;
        }
    }

    public EchoLoad(Config config) {
        if (config.connections() < 1 || config.messageBytes() < 1 || config.reconnectEvery() < 0
                || !(config.target().getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException("bad echo load config " + config);
        }
        this.config = config;
    }

    /** Runs the load on the calling thread and returns when every connection is closed. */
    public Result run() throws InterruptedException {
        int n = config.connections();
        int sq = Math.min(4096, Integer.highestOneBit(Math.max(64, 2 * n) - 1) << 1);
        try (Arena arena = Arena.ofConfined();
             IoUring r = IoUring.builder().entries(sq).cqEntries(2 * sq).build()) {
            ring = r;
            sockaddr = Sockaddr.of(arena, config.target());
            conns = new Conn[n];
            for (int i = 0; i < n; i++) {
                Conn c = new Conn(i, arena.allocate(config.messageBytes(), 8), arena.allocate(config.messageBytes(), 8));
                for (int b = 0; b < config.messageBytes(); b++) {
                    c.out.set(JAVA_BYTE, b, (byte) (i * 31 + b));
                }
                conns[i] = c;
            }
            long start = System.nanoTime();
            measureFrom = start + config.warmup().toNanos();
            end = measureFrom + config.duration().toNanos();
            long giveUp = end + GRACE.toNanos();
            for (Conn c : conns) {
                openSocket(c);
            }
            CompletionBatch batch = new CompletionBatch(2 * sq);
            while (closed < n) {
                long now = System.nanoTime();
                if (now >= giveUp) {
                    abandonStuck();
                    break;
                }
                while (!retries.isEmpty() && retries.peek().retryAt <= now) {
                    Conn c = retries.poll();
                    if (now >= end) {
                        finish(c);
                    } else {
                        openSocket(c);
                    }
                }
                ring.submitAndWait(1, Duration.ofNanos(Math.min(SLICE.toNanos(), giveUp - now)));
                int ready = batch.reap(ring);
                for (int i = 0; i < ready; i++) {
                    handle(batch.userData(i), batch.res(i));
                }
            }
            return new Result(requests, Math.max(0, lastDone - measureFrom) / 1e9, latency, errors, firstError, connects);
        } finally {
            ring = null;
        }
    }

    private void handle(long userData, int res) {
        int kind = (int) (userData >>> 56);
        int gen = (int) (userData >>> 32) & 0xFF_FFFF;
        Conn c = conns[(int) userData];
        if (c.gen != gen || c.done) {
            return; // a completion of a connection already given up (woken by its shutdown)
        }
        switch (kind) {
            case SOCKET -> {
                if (res < 0) {
                    fail(c, "socket: " + Errno.describe(res));
                    return;
                }
                c.fd = res;
                Os.setIntOption(c.fd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1);
                sqe().connect(c.fd, sockaddr).userData(userData(CONNECT, c));
            }
            case CONNECT -> {
                if (res < 0) {
                    fail(c, "connect to " + config.target() + ": " + Errno.describe(res));
                    return;
                }
                connects++;
                c.onThisConnection = 0;
                nextRequest(c);
            }
            case SEND -> {
                if (res < 0) {
                    fail(c, "send: " + Errno.describe(res));
                    return;
                }
                c.sent += res;
                if (c.sent < config.messageBytes()) {
                    queueSend(c);
                } else if (c.received == config.messageBytes()) {
                    requestDone(c);
                }
            }
            case RECV -> {
                if (res <= 0) {
                    fail(c, res == 0 ? "server closed the connection after " + c.received + " of "
                            + config.messageBytes() + " echoed bytes" : "recv: " + Errno.describe(res));
                    return;
                }
                c.received += res;
                if (c.received < config.messageBytes()) {
                    queueRecv(c);
                } else if (c.sent == config.messageBytes()) {
                    requestDone(c);
                }
            }
            default -> throw new IllegalStateException("unknown completion kind " + kind);
        }
    }

    /** The next SQE, submitting what is queued first when the SQ is full. */
    private Sqe sqe() {
        if (ring.sqSpaceLeft() == 0) {
            ring.submit();
        }
        return ring.nextSqe();
    }

    private void nextRequest(Conn c) {
        long now = System.nanoTime();
        if (now >= end) {
            finish(c);
            return;
        }
        c.seq++;
        // a sequence number up front, so an echo of an earlier message cannot pass the check
        if (config.messageBytes() >= 8) {
            c.out.set(JAVA_LONG_UNALIGNED, 0, c.seq);
        } else {
            c.out.set(JAVA_BYTE, 0, (byte) c.seq);
        }
        c.sent = 0;
        c.received = 0;
        c.t0 = now;
        queueSend(c);
        queueRecv(c);
    }

    private void queueSend(Conn c) {
        sqe().send(c.fd, c.out.asSlice(c.sent), 0).userData(userData(SEND, c));
    }

    private void queueRecv(Conn c) {
        sqe().recv(c.fd, c.in.asSlice(c.received), Sockets.MSG_WAITALL).userData(userData(RECV, c));
    }

    private void requestDone(Conn c) {
        long t1 = System.nanoTime();
        if (c.in.mismatch(c.out) >= 0) {
            fail(c, "echo differs from what was sent (request " + c.seq + ")");
            return;
        }
        if (c.t0 >= measureFrom) {
            latency.record(t1 - c.t0);
            requests++;
            lastDone = t1;
        }
        if (config.reconnectEvery() > 0 && ++c.onThisConnection >= config.reconnectEvery() && t1 < end) {
            closeSocket(c);
            openSocket(c);
        } else {
            nextRequest(c);
        }
    }

    private void openSocket(Conn c) {
        c.gen = (c.gen + 1) & 0xFF_FFFF;
        sqe().socket(Sockets.AF_INET, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0).userData(userData(SOCKET, c));
    }

    /**
     * Closes the connection's socket. Queued operations must have taken their file first (a reused fd
     * number would otherwise redirect them), and a pending recv must be woken: submit, then shutdown.
     */
    private void closeSocket(Conn c) {
        if (c.fd >= 0) {
            ring.submit();
            Os.shutdown(c.fd, Sockets.SHUT_RDWR);
            Os.close(c.fd);
            c.fd = -1;
        }
        c.gen = (c.gen + 1) & 0xFF_FFFF; // completions still to come for this socket are stale
    }

    private void fail(Conn c, String what) {
        errors++;
        if (firstError == null) {
            firstError = "connection " + c.index + ": " + what;
        }
        closeSocket(c);
        c.retryAt = System.nanoTime() + RETRY_NANOS; // a refusing server is not hammered
        retries.add(c);
    }

    private void finish(Conn c) {
        closeSocket(c);
        c.done = true;
        closed++;
    }

    private void abandonStuck() {
        for (Conn c : conns) {
            if (!c.done) {
                errors++;
                if (firstError == null) {
                    firstError = "connection " + c.index + " got no echo within " + GRACE.toSeconds() + " s after the end";
                }
                finish(c);
            }
        }
    }

    private static long userData(int kind, Conn c) {
        return ((long) kind << 56) | ((long) c.gen << 32) | c.index;
    }
}
