package dev.ringwatch.ring;

import java.lang.ref.WeakReference;

/**
 * A handle to one occupied fixed-file slot. {@link #close()} releases the slot (idempotent); the
 * application's own fd, if it registered one, stays its to close.
 */
public final class FixedFile implements AutoCloseable {
    private final FileTable table;
    private final int slot;
    private final int fd;
    private final WeakReference<Object> owner;
    private final String ownerClassName;
    private final long tag;
    private final boolean kernelInstalled;
    private volatile boolean released;

    FixedFile(FileTable table, int slot, int fd, Object owner, long tag, boolean kernelInstalled) {
        this.table = table;
        this.slot = slot;
        this.fd = fd;
        this.owner = owner == null ? null : new WeakReference<>(owner);
        this.ownerClassName = owner == null ? FixedFile.class.getName() : owner.getClass().getName();
        this.tag = tag;
        this.kernelInstalled = kernelInstalled;
    }

    /**
     * {@return the slot index}
     */
    public int slot() {
        return slot;
    }

    /**
     * The fd that was registered, or -1 for a slot the kernel filled.
     * @return the value described above
     */
    public int fd() {
        return fd;
    }

    /**
     * The resource tag the kernel echoes when it drops this file; 0 for kernel-filled slots.
     * @return the value described above
     */
    public long tag() {
        return tag;
    }

    /**
     * {@return whether the kernel filled the slot (accept/openat/socket direct)}
     */
    public boolean isKernelInstalled() {
        return kernelInstalled;
    }

    /**
     * {@return the table the slot belongs to}
     */
    public FileTable table() {
        return table;
    }

    /**
     * {@return the ring the slot belongs to}
     */
    public IoUring ring() {
        return table.ring();
    }

    /**
     * The owner given at registration (null once collected), or this handle when none was given.
     * @return the value described above
     */
    public Object owner() {
        return owner == null ? this : owner.get();
    }

    /**
     * {@return whether an owner was given at registration}
     */
    public boolean hasExplicitOwner() {
        return owner != null;
    }

    /**
     * {@return the class name of the owner (kept after it was collected)}
     */
    public String ownerClassName() {
        return ownerClassName;
    }

    /**
     * {@return whether the slot was released (by this handle, the table or the ring's close)}
     */
    public boolean isReleased() {
        return released || !table.isOccupiedBy(slot, this);
    }

    /** Releases the slot; idempotent, and a no-op once the ring is closed (closing dropped every slot). */
    @Override
    public void close() {
        if (!released) {
            released = true;
            table.release(this);
        }
    }

    int checkedSlot(IoUring ring) {
        if (table.ring() != ring) {
            throw new IllegalArgumentException("slot " + slot + " belongs to " + table.ring() + ", not " + ring);
        }
        if (released) {
            throw new IllegalStateException("slot " + slot + " of " + ring + " was released");
        }
        return slot;
    }

    @Override
    public String toString() {
        return "fixed slot " + slot + (fd >= 0 ? " (fd " + fd + ")" : " (kernel-installed)") + " of " + table.ring();
    }
}
