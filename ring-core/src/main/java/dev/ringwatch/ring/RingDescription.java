package dev.ringwatch.ring;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a ring is and was set up with: identity, fd, flags, sizes, owner, mappings. {@link IoUring}'s
 * read-only half, kept apart so that the ring's file is about using it.
 */
abstract sealed class RingDescription permits IoUring {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    final int fd;
    final int setupFlags;
    private final int features;
    private final int sqThreadIdleMillis;
    private final int sqThreadCpu;
    private final WeakReference<Object> owner;
    private final String ownerClassName;
    private final IoUring attachedTo;
    final RingMemory memory;
    private final int sqEntries;
    private final int cqEntries;
    final boolean sqpoll;

    RingDescription(int fd, RingParams p, IoUringBuilder b, RingMemory memory) {
        this.fd = fd;
        this.setupFlags = p.flags();
        this.features = p.features();
        this.sqThreadIdleMillis = b.sqThreadIdleMillis;
        this.sqThreadCpu = b.sqThreadCpu;
        Object o = b.owner;
        this.owner = o == null ? null : new WeakReference<>(o);
        this.ownerClassName = o == null ? IoUring.class.getName() : o.getClass().getName();
        this.attachedTo = b.attachTo;
        this.memory = memory;
        this.sqEntries = p.sqEntries();
        this.cqEntries = p.cqEntries();
        this.sqpoll = (setupFlags & SetupFlags.SQPOLL) != 0;
    }

    abstract boolean isClosed();

    /** Throws when the ring is closed; unlike IoUring's ensureOpen, leaves the ring's user as it was (RingTeardown). */
    final void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    /** {@return a number unique to this ring within the JVM; valid after close} */
    public long id() {
        return id;
    }

    /** {@return the ring's file descriptor} @throws IllegalStateException when the ring is closed */
    public int fd() {
        checkOpen();
        return fd;
    }

    /** {@return the {@link SetupFlags} the kernel accepted (ATTACH_WQ included when attached)} */
    public int setupFlags() {
        return setupFlags;
    }

    /** {@return the {@link Features} the kernel reported} */
    public int features() {
        return features;
    }

    /**
     * {@return whether the kernel reported every bit of {@code feature}} @param feature {@link Features} bits
     * @param feature {@link Features} bits
     */
    public boolean hasFeature(int feature) {
        return (features & feature) == feature;
    }

    /** {@return whether a kernel thread polls the SQ (IORING_SETUP_SQPOLL)} */
    public boolean isSqpoll() {
        return sqpoll;
    }

    /** {@return the SQ size after the kernel's rounding up to a power of two} */
    public int sqEntries() {
        return sqEntries;
    }

    /** {@return the CQ size} */
    public int cqEntries() {
        return cqEntries;
    }

    /** {@return the SQPOLL idle time as requested; 0 means the kernel's default (1 s)} */
    public int sqThreadIdleMillis() {
        return sqThreadIdleMillis;
    }

    /** {@return the CPU the SQPOLL thread is pinned to, or -1} */
    public int sqThreadCpu() {
        return sqThreadCpu;
    }

    /** {@return the ring given to {@link IoUringBuilder#attachWq(IoUring)}, or null} */
    public IoUring attachedTo() {
        return attachedTo;
    }

    /**
     * {@return the object whose life bounds this ring: the one given to {@link IoUringBuilder#owner(Object)}
     * (held weakly, so null once it was collected) or this ring itself}
     */
    public Object owner() {
        return owner == null ? this : owner.get();
    }

    /** {@return true when {@link IoUringBuilder#owner(Object)} named an owner other than the ring} */
    public boolean hasExplicitOwner() {
        return owner != null;
    }

    /** {@return the class name of the owner (kept even after the owner was collected)} */
    public String ownerClassName() {
        return ownerClassName;
    }

    /** {@return what is mapped for this ring: address and size of each region} */
    public List<Mapping> mappings() {
        return memory.mappings();
    }

    /** {@return the total bytes mapped for this ring} */
    public long mappedBytes() {
        return memory.mappedBytes();
    }

    @Override
    public String toString() {
        return "io_uring ring #" + id + " (fd=" + fd + ", "
                + (setupFlags == 0 ? "no setup flags" : SetupFlags.describe(setupFlags)) + ")";
    }
}
