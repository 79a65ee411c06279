package dev.ringwatch.agent.adapter.netty;

/**
 * The Netty classes the adapter weaves, recognised by the end of their internal name so that shaded copies
 * ({@code com/acme/shaded/io/netty/channel/uring/RingBuffer}) are woven too. Netty 4.2's transport
 * ({@code io/netty/channel/uring}) and the incubator transport ({@code io/netty/incubator/channel/uring})
 * have the same shape under different names; each constant knows both.
 */
enum NettyTarget {
    /** {@code Native.createRingBuffer(..)}: every ring set up (and the probe ring of {@code IoUring.<clinit>}). */
    NATIVE("Native", "Native"),
    /** {@code RingBuffer.close()}: every close, idempotent or not. */
    RING_BUFFER("RingBuffer", "RingBuffer"),
    /**
     * The ring's owner, {@code IoUringIoHandler} (4.2) or {@code IOUringEventLoop} (incubator): its first call on
     * the event-loop thread names that thread; 4.2's {@code newBufferRing} registers buffer rings.
     */
    LOOP_OWNER("IoUringIoHandler", "IOUringEventLoop"),
    /** Buffer rings (4.2 only): {@code IoUringBufferRing.close()}. */
    BUFFER_RING("IoUringBufferRing", null);

    static final String NETTY = "netty";
    static final String NETTY_INCUBATOR = "netty-incubator";
    private static final String PACKAGE_42 = "io/netty/channel/uring/";
    private static final String PACKAGE_INCUBATOR = "io/netty/incubator/channel/uring/";

    private final String simpleName42;
    private final String simpleNameIncubator;

    NettyTarget(String simpleName42, String simpleNameIncubator) {
        this.simpleName42 = simpleName42;
        this.simpleNameIncubator = simpleNameIncubator;
    }

    /**
     * A matched class: what it is, which library, its internal name and its package's (with any shading
     * prefix, ending in '/').
     */
    record Match(NettyTarget target, String library, String className, String packageName) {
        boolean incubator() {
            return NETTY_INCUBATOR.equals(library);
        }

        /** Internal name of {@code simpleName} in the matched class's package. */
        String type(String simpleName) {
            return packageName + simpleName;
        }
    }

    /**
     * The target {@code internalName} names, or null. Runs for every class the JVM loads: string
     * comparisons only, nothing that could load a class.
     */
    static Match match(String internalName) {
        if (internalName == null || !internalName.contains("/uring/")) {
            return null;
        }
        int slash = internalName.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        String pkg = internalName.substring(0, slash + 1);
        String simple = internalName.substring(slash + 1);
        if (endsWithPackage(pkg, PACKAGE_42)) {
            for (NettyTarget t : values()) {
                if (simple.equals(t.simpleName42)) {
                    return new Match(t, NETTY, internalName, pkg);
                }
            }
        } else if (endsWithPackage(pkg, PACKAGE_INCUBATOR)) {
            for (NettyTarget t : values()) {
                if (simple.equals(t.simpleNameIncubator)) {
                    return new Match(t, NETTY_INCUBATOR, internalName, pkg);
                }
            }
        }
        return null;
    }

    /** {@code pkg} is {@code expected} itself or a relocated copy of it ({@code <prefix>/expected}). */
    private static boolean endsWithPackage(String pkg, String expected) {
        return pkg.endsWith(expected) && (pkg.length() == expected.length()
                || pkg.charAt(pkg.length() - expected.length() - 1) == '/');
    }
}
