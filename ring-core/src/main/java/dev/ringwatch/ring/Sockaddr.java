package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Socket addresses in native memory: {@code struct sockaddr_in} (16 bytes) and {@code sockaddr_in6}
 * (28 bytes), family in host order, port and IPv4 address in network order. The segment's size is the
 * address length the kernel needs ({@code addrlen} of bind/connect), so pass the segment as it is.
 */
public final class Sockaddr {
    /** {@code struct sockaddr_in}. */
    static final StructLayout IN = MemoryLayout.structLayout(JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withName("sin_port"), JAVA_INT.withName("sin_addr"), MemoryLayout.paddingLayout(8));
    /** {@code struct sockaddr_in6}. */
    static final StructLayout IN6 = MemoryLayout.structLayout(JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withName("sin6_port"), JAVA_INT.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"), JAVA_INT.withName("sin6_scope_id"));
    /** Size of {@code struct sockaddr_storage}: room for any address, e.g. for accept. */
    public static final long STORAGE_BYTES = 128;
    private static final ValueLayout.OfShort BE_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final long PORT = KernelStructs.offset(IN, "sin_port");
    private static final long ADDR4 = KernelStructs.offset(IN, "sin_addr");
    private static final long ADDR6 = KernelStructs.offset(IN6, "sin6_addr");
    private static final long SCOPE6 = KernelStructs.offset(IN6, "sin6_scope_id");

    private Sockaddr() {
    }

    /**
     * The native form of {@code address}, IPv4 or IPv6.
     *
     * @param arena   where the address lives; it must stay open until the operation using it completed
     * @param address a resolved address
     * @return a segment of exactly the address's length
     */
    public static MemorySegment of(Arena arena, InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address " + address + " is unresolved");
        }
        return switch (address.getAddress()) {
            case Inet4Address v4 -> ipv4(arena, v4, address.getPort());
            case Inet6Address v6 -> ipv6(arena, v6, address.getPort());
            default -> throw new IllegalArgumentException("neither IPv4 nor IPv6: " + address);
        };
    }

    /**
     * A {@code sockaddr_in}.
     *
     * @param arena   where the address lives
     * @param address the IPv4 address
     * @param port    0 to 65535
     * @return a 16-byte segment
     */
    public static MemorySegment ipv4(Arena arena, Inet4Address address, int port) {
        MemorySegment s = arena.allocate(IN);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_INET);
        s.set(BE_SHORT, PORT, (short) checkPort(port));
        MemorySegment.copy(MemorySegment.ofArray(address.getAddress()), 0, s, ADDR4, 4);
        return s;
    }

    /**
     * A {@code sockaddr_in6} (flow info 0, the address's scope id).
     *
     * @param arena   where the address lives
     * @param address the IPv6 address
     * @param port    0 to 65535
     * @return a 28-byte segment
     */
    public static MemorySegment ipv6(Arena arena, Inet6Address address, int port) {
        MemorySegment s = arena.allocate(IN6);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_INET6);
        s.set(BE_SHORT, PORT, (short) checkPort(port));
        MemorySegment.copy(MemorySegment.ofArray(address.getAddress()), 0, s, ADDR6, 16);
        s.set(JAVA_INT, SCOPE6, address.getScopeId());
        return s;
    }

    /**
     * Room for any socket address ({@code sockaddr_storage}), e.g. for {@link Sqe#accept}; the kernel
     * writes the real length into the {@code addrLen} you pass along.
     *
     * @param arena where the storage lives
     * @return a zeroed segment of {@link #STORAGE_BYTES}
     */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(STORAGE_BYTES, 8);
    }

    /**
     * Reads a {@code sockaddr_in} or {@code sockaddr_in6}.
     *
     * @param sockaddr the native address
     * @return the address and port
     * @throws IllegalArgumentException for other families
     */
    public static InetSocketAddress decode(MemorySegment sockaddr) {
        int family = sockaddr.get(JAVA_SHORT, 0);
        int port = Short.toUnsignedInt(sockaddr.get(BE_SHORT, PORT));
        byte[] bytes = switch (family) {
            case Sockets.AF_INET -> sockaddr.asSlice(ADDR4, 4).toArray(JAVA_BYTE);
            case Sockets.AF_INET6 -> sockaddr.asSlice(ADDR6, 16).toArray(JAVA_BYTE);
            default -> throw new IllegalArgumentException("socket address family " + family + " is neither AF_INET nor AF_INET6");
        };
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an IP address", e);
        }
    }

    /**
     * The port of a {@code sockaddr_in} or {@code sockaddr_in6}.
     *
     * @param sockaddr the native address
     * @return the port in host order
     */
    public static int port(MemorySegment sockaddr) {
        return Short.toUnsignedInt(sockaddr.get(BE_SHORT, PORT));
    }

    /**
     * E.g. {@code 127.0.0.1:8080}, for messages.
     *
     * @param sockaddr the native address
     * @return its text form, or a description of an unknown family
     */
    public static String describe(MemorySegment sockaddr) {
        try {
            InetSocketAddress a = decode(sockaddr);
            return a.getAddress().getHostAddress() + ":" + a.getPort();
        } catch (RuntimeException e) {
            return "sockaddr of family " + sockaddr.get(JAVA_SHORT, 0);
        }
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        return port;
    }
}
