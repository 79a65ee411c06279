package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: what a library user needs around the ring, and completion ergonomics that are hard to misuse. */
class LibraryApiTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @Test
    void keptSqeHandlesWriteIntoTheirOwnEntries() {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            Sqe a = ring.nextSqe().nop();
            Sqe b = ring.nextSqe().nop();
            a.userData(1);
            b.userData(2);
            ring.submitAndWait(2);
            List<Long> got = new ArrayList<>();
            ring.forEachCompletion((ud, res, flags) -> got.add(ud));
            assertEquals(List.of(1L, 2L), got.stream().sorted().toList());
        }
    }

    @Test
    void wakeupEndsAWaitFromAnotherThread() throws Exception {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            AtomicReference<Boolean> completed = new AtomicReference<>();
            Thread waiter = Thread.ofPlatform().start(() -> completed.set(ring.awaitCompletions(1, Duration.ofHours(1))));
            assertTrue(ProcState.await(HANG_GUARD, () -> ring.state().users() == 1), "waiter never entered");
            ring.wakeup();
            waiter.join(HANG_GUARD.toMillis());
            assertFalse(waiter.isAlive(), "wakeup() did not end the wait");
            assertEquals(Boolean.FALSE, completed.get(), "woken, not completed");
        }
    }

    @Test
    void timedWaitsSayWhetherTimeRanOut() {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            assertFalse(ring.awaitCompletions(1, Duration.ofMillis(30)));
            assertFalse(ring.waitCompletion((ud, res, flags) -> { }, Duration.ofMillis(30)));
            assertFalse(ring.peekCompletion((ud, res, flags) -> { }));
            ring.nextSqe().nop().userData(5);
            ring.nextSqe().nop().userData(6);
            long[] got = new long[1];
            assertTrue(ring.waitCompletion((ud, res, flags) -> got[0] = ud, Duration.ofSeconds(10)));
            assertEquals(5, got[0]);
            assertTrue(ring.peekCompletion((ud, res, flags) -> got[0] = ud), "the second one was left for later");
            assertEquals(6, got[0]);
        }
    }

    @Test
    void toStringSaysNoSetupFlags() {
        try (IoUring ring = IoUring.builder().entries(4).noSqArray(false).build()) {
            assertTrue(ring.toString().endsWith(", no setup flags)"), ring.toString());
        }
    }

    @Test
    void errnoNamesACompletionResult() {
        assertEquals("ECONNREFUSED", Errno.name(-111));
        assertEquals("Connection refused", Errno.message(-111));
        assertEquals(7, Errno.check(7, "recv"));
        IoUringException e = assertThrows(IoUringException.class, () -> Errno.check(-104, "recv(slot 3)"));
        assertEquals("recv(slot 3): ECONNRESET (Connection reset by peer)", e.getMessage());
        assertEquals(104, e.errno());
    }

    @Test
    void osGlueOpensFilesAndListensOnIpv4AndIpv6() throws Exception {
        Path file = Files.createTempFile("ringwatch-os", ".txt");
        Files.writeString(file, "hello");
        int fd = Os.open(file.toString(), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        try (IoUring ring = IoUring.builder().entries(4).build(); Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(16);
            ring.nextSqe().read(fd, buf, 0).userData(1);
            ring.submitAndWait(1);
            int[] res = {0};
            ring.forEachCompletion((ud, r, flags) -> res[0] = Errno.check(r, "read"));
            assertEquals("hello", new String(buf.asSlice(0, res[0]).toArray(JAVA_BYTE), StandardCharsets.US_ASCII));
        } finally {
            Os.close(fd);
            Files.delete(file);
        }
        IoUringException missing = assertThrows(IoUringException.class, () -> Os.open("/no/such/file", OpenFlags.O_RDONLY, 0));
        assertEquals("ENOENT", missing.errnoName());

        int v4 = Os.tcpListen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        try {
            InetSocketAddress bound = Os.localAddress(v4);
            assertEquals("127.0.0.1", bound.getAddress().getHostAddress());
            assertTrue(bound.getPort() > 0);
        } finally {
            Os.close(v4);
        }
        int v6 = Os.tcpListen(new InetSocketAddress(InetAddress.getByName("::1"), 0), 16);
        try {
            InetSocketAddress bound = Os.localAddress(v6);
            assertTrue(bound.getAddress() instanceof Inet6Address && bound.getAddress().isLoopbackAddress(), bound.toString());
        } finally {
            Os.close(v6);
        }
    }

    @Test
    void sockaddrRoundTripsBothFamilies() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 8080);
            MemorySegment s4 = Sockaddr.of(a, v4);
            assertEquals(16, s4.byteSize());
            assertEquals(v4, Sockaddr.decode(s4));
            assertEquals("10.1.2.3:8080", Sockaddr.describe(s4));
            InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("fe80::1"), 443);
            MemorySegment s6 = Sockaddr.of(a, v6);
            assertEquals(28, s6.byteSize());
            assertArrayEquals(v6.getAddress().getAddress(), Sockaddr.decode(s6).getAddress().getAddress());
            assertEquals(443, Sockaddr.port(s6));
            assertThrows(IllegalArgumentException.class, () -> Sockaddr.ipv4(a, (java.net.Inet4Address) v4.getAddress(), 70000));
        }
    }
}
