package dev.ringwatch.sample.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** {@code struct sockaddr_in} (16 bytes): family in host order, port and address in network order. */
public final class SockaddrIn {
    public static final int BYTES = 16;
    private static final ValueLayout.OfShort BE_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

    private SockaddrIn() {
    }

    static MemorySegment allocate(Arena arena) {
        return arena.allocate(BYTES, 4);
    }

    public static MemorySegment of(Arena arena, Inet4Address address, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        MemorySegment s = allocate(arena);
        s.set(JAVA_SHORT, 0, (short) Libc.AF_INET);
        s.set(BE_SHORT, 2, (short) port);
        byte[] b = address.getAddress();
        s.set(BE_INT, 4, ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        return s;
    }

    public static int port(MemorySegment sockaddr) {
        return Short.toUnsignedInt(sockaddr.get(BE_SHORT, 2));
    }

    public static Inet4Address address(MemorySegment sockaddr) {
        int a = sockaddr.get(BE_INT, 4);
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[]{(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    /** E.g. {@code 127.0.0.1:8080}. */
    public static String describe(MemorySegment sockaddr) {
        return address(sockaddr).getHostAddress() + ":" + port(sockaddr);
    }
}
