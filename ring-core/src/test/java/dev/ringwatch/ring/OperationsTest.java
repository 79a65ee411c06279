package dev.ringwatch.ring;

import dev.ringwatch.testsupport.OpenFds;
import dev.ringwatch.testsupport.TestLibc;
import dev.ringwatch.ring.Completions.Cqe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.ringwatch.ring.Completions.await;
import static dev.ringwatch.ring.Completions.awaitOne;
import static dev.ringwatch.ring.Completions.byUserData;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every typed operation against the real kernel, on default, SQPOLL, SQE128 and CQE32 rings. */
class OperationsTest {
    private static final int ETIME = 62, ECANCELED = 125, EALREADY = 114;

    @TempDir
    Path dir;
    private final OpenFds fds = new OpenFds();
    private Arena arena;
    private IoUring ring;

    @BeforeEach
    void setUp() {
        arena = Arena.ofShared();
    }

    @AfterEach
    void tearDown() {
        if (ring != null) {
            ring.close();
        }
        arena.close();
        fds.close();
    }

    private IoUring ring(RingVariant v) {
        ring = v.build(32);
        return ring;
    }

    private MemorySegment text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        MemorySegment seg = arena.allocate(b.length);
        seg.copyFrom(MemorySegment.ofArray(b));
        return seg;
    }

    private static String string(MemorySegment buf, int len) {
        return new String(buf.asSlice(0, len).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    private int tempFile(String content) throws Throwable {
        Path f = dir.resolve("data-" + System.nanoTime());
        Files.writeString(f, content);
        return fds.own(TestLibc.open(f.toString(), TestLibc.O_RDWR));
    }

    /** A TCP socket listening on 127.0.0.1 (closed after the test), and its port. */
    private record Listener(int fd, int port) {
    }

    private Listener listener() {
        int fd = fds.tcpListener();
        return new Listener(fd, TestLibc.port(fd));
    }

    /** A new socket whose connect to {@code listener} is queued on {@code r} with {@code userData}. */
    private int connecting(IoUring r, Listener listener, long userData) {
        int client = fds.tcpSocket();
        r.nextSqe().connect(client, TestLibc.loopback(arena, listener.port())).userData(userData);
        return client;
    }

    /** A table of {@code slots} fixed files whose upper half is the range the kernel picks from (ALLOC_SLOT). */
    private static FileTable upperHalfForTheKernel(IoUring r, int slots) {
        FileTable files = r.registerFiles(slots);
        files.reserveForKernel(slots / 2, slots / 2);
        return files;
    }

    /** A POLLIN poll queued on {@code r} with {@code userData}, on the read end of a new pipe nobody writes to. */
    private Sqe stuckPoll(IoUring r, long userData) {
        return r.nextSqe().pollAdd(fds.pipe()[0], TestLibc.POLLIN).userData(userData);
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void nopCompletesWithItsUserData(RingVariant v) {
        IoUring r = ring(v);
        for (int i = 0; i < 10; i++) {
            r.nextSqe().nop().userData(100 + i);
        }
        List<Cqe> cqes = await(r, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, byUserData(cqes, 100 + i).res());
        }
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void writeThenReadAFile(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        int fd = tempFile("");
        r.nextSqe().write(fd, text("hello io_uring"), 0).userData(1);
        assertEquals(14, awaitOne(r).res());
        MemorySegment buf = arena.allocate(64);
        r.nextSqe().read(fd, buf, 6).userData(2);
        Cqe c = awaitOne(r);
        assertEquals(8, c.res());
        assertEquals("io_uring", string(buf, 8));
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void writevThenReadv(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        int fd = tempFile("");
        MemorySegment iov = Iovecs.of(arena, text("abc"), text("defg"));
        r.nextSqe().writev(fd, iov, 2, 0).userData(1);
        assertEquals(7, awaitOne(r).res());
        MemorySegment a = arena.allocate(2);
        MemorySegment b = arena.allocate(5);
        r.nextSqe().readv(fd, Iovecs.of(arena, a, b), 2, 0).userData(2);
        assertEquals(7, awaitOne(r).res());
        assertEquals("ab", string(a, 2));
        assertEquals("cdefg", string(b, 5));
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void writeFixedThenReadFixedThroughRegisteredBuffers(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        MemorySegment out = arena.allocate(4096, 4096);
        MemorySegment in = arena.allocate(4096, 4096);
        r.registerBuffers(out, in);
        out.setString(0, "fixed buffers");
        int fd = tempFile("");
        r.nextSqe().writeFixed(fd, out.asSlice(0, 13), 0, 0).userData(1);
        assertEquals(13, awaitOne(r).res());
        r.nextSqe().readFixed(fd, in.asSlice(0, 13), 0, 1).userData(2);
        assertEquals(13, awaitOne(r).res());
        assertEquals("fixed buffers", string(in, 13));
        assertThrows(IllegalArgumentException.class, () -> r.nextSqe().readFixed(fd, arena.allocate(8), 0, 0),
                "a buffer outside the registered one must be refused before the kernel sees it");
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void fsyncAndFdatasync(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        int fd = tempFile("sync me");
        r.nextSqe().fsync(fd).userData(1);
        r.nextSqe().fdatasync(fd).userData(2);
        List<Cqe> cqes = await(r, 2);
        assertEquals(0, byUserData(cqes, 1).res());
        assertEquals(0, byUserData(cqes, 2).res());
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void openatReadAndClose(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        Path f = dir.resolve("open-me");
        Files.writeString(f, "opened by io_uring");
        r.nextSqe().openat(-100, arena.allocateFrom(f.toString()), TestLibc.O_RDONLY, 0).userData(1);
        int fd = awaitOne(r).res();
        assertTrue(fd >= 0, "openat result " + fd);
        assertEquals(f.toString(), ProcState.fdTarget(fd));
        r.nextSqe().close(fd).userData(2);
        assertEquals(0, awaitOne(r).res());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ProcState.fdTarget(fd));
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void openatDirectIntoChosenAndKernelPickedSlots(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        FileTable files = upperHalfForTheKernel(r, 8);
        Path f = dir.resolve("direct");
        Files.writeString(f, "direct descriptor");
        MemorySegment path = arena.allocateFrom(f.toString());
        r.nextSqe().openatDirect(-100, path, TestLibc.O_RDONLY, 0, 2).userData(1);
        assertEquals(0, awaitOne(r).res());
        r.nextSqe().openatDirect(-100, path, TestLibc.O_RDONLY, 0, Sqe.ALLOC_SLOT).userData(2);
        int picked = awaitOne(r).res();
        assertTrue(picked >= 4 && picked < 8, "kernel picked slot " + picked + " outside the reserved range");

        FixedFile chosen = files.adopt(2, null);
        MemorySegment buf = arena.allocate(32);
        r.nextSqe().read(chosen, buf, 0).userData(3);
        assertEquals(17, awaitOne(r).res());
        assertEquals("direct descriptor", string(buf, 17));

        r.nextSqe().closeFixed(picked).userData(4);
        assertEquals(0, awaitOne(r).res());
        chosen.close();
        assertTrue(chosen.isReleased());
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void socketConnectAcceptSendRecvShutdown(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        Listener listener = listener();
        r.nextSqe().socket(TestLibc.AF_INET, TestLibc.SOCK_STREAM, 0).userData(1);
        int client = awaitOne(r).res();
        assertTrue(client >= 0, "socket result " + client);
        fds.own(client);

        r.nextSqe().accept(listener.fd(), MemorySegment.NULL, MemorySegment.NULL, 0).userData(2);
        r.nextSqe().connect(client, TestLibc.loopback(arena, listener.port())).userData(3);
        List<Cqe> cqes = await(r, 2);
        int server = byUserData(cqes, 2).res();
        assertTrue(server >= 0, "accept result " + server);
        fds.own(server);
        assertEquals(0, byUserData(cqes, 3).res());

        r.nextSqe().send(client, text("ping"), 0).userData(4);
        assertEquals(4, awaitOne(r).res());
        MemorySegment buf = arena.allocate(16);
        r.nextSqe().recv(server, buf, 0).userData(5);
        assertEquals(4, awaitOne(r).res());
        assertEquals("ping", string(buf, 4));

        r.nextSqe().shutdown(client, 1).userData(6);
        assertEquals(0, awaitOne(r).res());
        r.nextSqe().recv(server, buf, 0).userData(7);
        assertEquals(0, awaitOne(r).res(), "after the peer's shutdown(SHUT_WR) recv sees end of stream");
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void multishotAcceptPostsOneCompletionPerConnectionUntilCancelled(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        Listener listener = listener();
        r.nextSqe().acceptMultishot(listener.fd(), 0).userData(10);
        connecting(r, listener, 1);
        connecting(r, listener, 2);
        List<Cqe> cqes = await(r, 4);
        List<Cqe> accepts = cqes.stream().filter(c -> c.userData() == 10).toList();
        assertEquals(2, accepts.size(), cqes.toString());
        for (Cqe a : accepts) {
            assertTrue(a.res() >= 0);
            assertTrue((a.flags() & CqeFlags.MORE) != 0, "multishot accept stays armed");
            fds.own(a.res());
        }
        r.nextSqe().asyncCancel(10, 0).userData(11);
        List<Cqe> cancel = await(r, 2);
        assertEquals(0, byUserData(cancel, 11).res());
        assertEquals(-ECANCELED, byUserData(cancel, 10).res());
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void acceptIntoFixedSlotsChosenAndKernelPicked(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        FileTable files = upperHalfForTheKernel(r, 16);
        Listener listener = listener();
        FixedFile fixedListener = files.register(listener.fd(), null);

        r.nextSqe().acceptDirect(fixedListener, 0, 3).userData(1);
        connecting(r, listener, 2);
        List<Cqe> first = await(r, 2);
        assertEquals(0, byUserData(first, 1).res(), "accept into chosen slot 3");

        r.nextSqe().acceptMultishotDirect(fixedListener, 0).userData(3);
        int c2 = connecting(r, listener, 4);
        List<Cqe> second = await(r, 2);
        int picked = byUserData(second, 3).res();
        assertTrue(picked >= 8 && picked < 16, "kernel-picked slot " + picked);

        FixedFile conn = files.adopt(picked, null);
        r.nextSqe().send(c2, text("direct"), 0).userData(5);
        MemorySegment buf = arena.allocate(16);
        r.nextSqe().recv(conn, buf, 0).userData(6);
        List<Cqe> io = await(r, 2);
        assertEquals(6, byUserData(io, 6).res());
        assertEquals("direct", string(buf, 6));
        assertTrue(ProcState.fdinfo(r.fd()).contains("socket:["), "fdinfo lists the direct sockets");

        r.nextSqe().asyncCancel(3, 0).userData(7);
        await(r, 2);
        conn.close();
        files.adopt(3, null).close();
        fixedListener.close();
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void socketDirectThenConnectOnTheSlot(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        FileTable files = r.registerFiles(4);
        Listener listener = listener();
        r.nextSqe().socketDirect(TestLibc.AF_INET, TestLibc.SOCK_STREAM, 0, 1).userData(1);
        assertEquals(0, awaitOne(r).res());
        FixedFile sock = files.adopt(1, null);
        r.nextSqe().connect(sock, TestLibc.loopback(arena, listener.port())).userData(2);
        assertEquals(0, awaitOne(r).res());
        sock.close();
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void pollAddPollMultishotAndPollRemove(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        int[] pipe = fds.pipe();
        r.nextSqe().pollAdd(pipe[0], TestLibc.POLLIN).userData(1);
        r.submit();
        TestLibc.write(pipe[1], text("x"));
        Cqe once = awaitOne(r);
        assertTrue((once.res() & TestLibc.POLLIN) != 0, "POLLIN reported: " + once);

        FileTable files = r.registerFiles(2);
        FixedFile readEnd = files.register(pipe[0], null);
        r.nextSqe().pollMultishot(readEnd, TestLibc.POLLIN).userData(2);
        Cqe armed = awaitOne(r);
        assertTrue((armed.flags() & CqeFlags.MORE) != 0, "multishot poll stays armed: " + armed);

        r.nextSqe().pollRemove(2).userData(3);
        List<Cqe> removed = await(r, 2);
        assertEquals(0, byUserData(removed, 3).res());
        assertEquals(-ECANCELED, byUserData(removed, 2).res());
        readEnd.close();
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void timeoutExpiresWithEtime(RingVariant v) {
        IoUring r = ring(v);
        r.nextSqe().timeout(Timespec.of(arena, Duration.ofMillis(10)), 0, 0).userData(1);
        assertEquals(-ETIME, awaitOne(r).res());
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void linkTimeoutCancelsAStuckPoll(RingVariant v) {
        IoUring r = ring(v);
        stuckPoll(r, 1).link();
        r.nextSqe().linkTimeout(Timespec.of(arena, Duration.ofMillis(20)), 0).userData(2);
        List<Cqe> cqes = await(r, 2);
        assertEquals(-ECANCELED, byUserData(cqes, 1).res());
        int t = byUserData(cqes, 2).res();
        assertTrue(t == -ETIME || t == -EALREADY, "link timeout result " + t);
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void asyncCancelOfAPendingPoll(RingVariant v) {
        IoUring r = ring(v);
        stuckPoll(r, 1);
        r.submit();
        r.nextSqe().asyncCancel(1, 0).userData(2);
        List<Cqe> cqes = await(r, 2);
        assertEquals(-ECANCELED, byUserData(cqes, 1).res());
        assertEquals(0, byUserData(cqes, 2).res());
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void linkedWriteThenReadRunInOrderWithDrainAndAsyncFlags(RingVariant v) throws Throwable {
        IoUring r = ring(v);
        int fd = tempFile("");
        MemorySegment buf = arena.allocate(8);
        Sqe w = r.nextSqe().write(fd, text("linked"), 0).userData(1).link();
        assertEquals(4, w.flags() & 4, "IOSQE_IO_LINK set");
        r.nextSqe().read(fd, buf, 0).userData(2).async();
        r.nextSqe().nop().userData(3).drain();
        List<Cqe> cqes = await(r, 3);
        assertEquals(6, byUserData(cqes, 1).res());
        assertEquals(6, byUserData(cqes, 2).res());
        assertEquals(0, byUserData(cqes, 3).res());
        assertEquals("linked", string(buf, 6));
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void bigEntriesOnlyOnRingsThatHaveThem(RingVariant v) {
        IoUring r = ring(v);
        boolean sqe128 = (r.setupFlags() & SetupFlags.SQE128) != 0;
        boolean cqe32 = (r.setupFlags() & SetupFlags.CQE32) != 0;
        Sqe sqe = r.nextSqe().nop().userData(9);
        if (sqe128) {
            MemorySegment cmd = sqe.cmd();
            assertEquals(80, cmd.byteSize());
            cmd.set(JAVA_LONG, 72, 0x1234L); // last bytes of the 128-byte entry are ours to write
            assertEquals(128, sqe.raw().byteSize());
        } else {
            assertThrows(IllegalStateException.class, sqe::cmd);
        }
        r.submit();
        long[] extra = {-1, -1};
        if (cqe32) {
            awaitBig(r, extra);
            assertEquals(0, extra[0]);
            assertEquals(0, extra[1]);
        } else {
            assertThrows(IllegalStateException.class, () -> r.forEachCompletion((BigCompletionHandler) (a, b, c, d, e) -> {
            }));
            awaitOne(r);
        }
    }

    private static void awaitBig(IoUring r, long[] extra) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (seen == 0 && System.nanoTime() < deadline) {
            r.submitAndWait(1, Duration.ofMillis(100));
            seen = r.forEachCompletion((BigCompletionHandler) (ud, res, flags, e0, e1) -> {
                extra[0] = e0;
                extra[1] = e1;
            });
        }
        assertNotEquals(0, seen, "no 32-byte completion arrived");
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void probeReportsTheOperationsUsedHere(RingVariant v) {
        Probe p = ring(v).probe();
        for (int op : new int[]{Opcode.NOP, Opcode.READ, Opcode.WRITE, Opcode.ACCEPT, Opcode.SOCKET, Opcode.POLL_ADD,
                Opcode.LINK_TIMEOUT, Opcode.ASYNC_CANCEL, Opcode.SHUTDOWN}) {
            assertTrue(p.supports(op), Opcode.name(op));
        }
        assertTrue(p.lastOp() >= Opcode.SOCKET);
        assertThrows(UnsupportedOperationException.class, () -> p.require(255));
    }
}
