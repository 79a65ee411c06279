package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import static dev.ringwatch.ring.KernelStructs.FILE_INDEX_RANGE;
import static dev.ringwatch.ring.KernelStructs.RSRC_REGISTER;
import static dev.ringwatch.ring.KernelStructs.RSRC_UPDATE2;
import static dev.ringwatch.ring.KernelStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A ring's sparse fixed-file table ("direct descriptors"). Every file put in a slot by ring-core gets a
 * resource tag, so when the slot is released the kernel posts a completion carrying that tag once it
 * has really dropped the file; {@link FileDropListener}s receive it.
 *
 * <p>Methods are synchronized: besides the ring's own thread, a monitoring agent may release a slot
 * whose owner was garbage collected.
 */
public final class FileTable {
    // io_uring_rsrc_update2 and, after it, the one fd and tag it points to: offsets computed once, not per
    // call (a layout path by name costs more than the system call's own bookkeeping)
    private static final long UPD_OFFSET = offset(RSRC_UPDATE2, "offset");
    private static final long UPD_DATA = offset(RSRC_UPDATE2, "data");
    private static final long UPD_TAGS = offset(RSRC_UPDATE2, "tags");
    private static final long UPD_NR = offset(RSRC_UPDATE2, "nr");
    private static final long UPD_FD_AT = RSRC_UPDATE2.byteSize();
    private static final long UPD_TAG_AT = UPD_FD_AT + 8;

    /** The kernel reads it during the system call only; freed with the table (an automatic arena). */
    private final MemorySegment updateScratch = Arena.ofAuto().allocate(UPD_TAG_AT + 8, 8);

    /** A slot the kernel filled (openat/accept/socket direct): it carries no tag the kernel will echo. */
    private static final long KERNEL_INSTALLED = -1L;
    private static final int REGISTER_FILES2 = 13, REGISTER_FILES_UPDATE2 = 14, REGISTER_FILE_ALLOC_RANGE = 25;
    private static final int RSRC_REGISTER_SPARSE = 1;
    /** IORING_MAX_FIXED_FILES. */
    public static final int MAX_SLOTS = 1 << 20;

    private final IoUring ring;
    private final int size;
    /** Per slot: 0 empty, KERNEL_INSTALLED, or the tag of the file ring-core put there. */
    private final long[] slotTags;
    private final Map<Long, Integer> awaitingDrop = new HashMap<>();
    private int occupied;
    private int searchFrom;
    private int kernelFrom;
    private int kernelCount;
    private long tagSeq;

    FileTable(IoUring ring, int size) {
        if (size <= 0 || size > MAX_SLOTS) {
            throw new IllegalArgumentException("fixed-file table size must be 1 to " + MAX_SLOTS + ", got " + size);
        }
        this.ring = ring;
        this.size = size;
        this.slotTags = new long[size];
        try (Arena a = Arena.ofConfined()) {
            MemorySegment reg = a.allocate(RSRC_REGISTER);
            reg.set(JAVA_INT, offset(RSRC_REGISTER, "nr"), size);
            reg.set(JAVA_INT, offset(RSRC_REGISTER, "flags"), RSRC_REGISTER_SPARSE);
            ring.register(REGISTER_FILES2, reg.address(), (int) RSRC_REGISTER.byteSize(),
                    "REGISTER_FILES2, sparse table of " + size + " slots");
        }
    }

    /**
     * {@return the ring this table belongs to}
     */
    public IoUring ring() {
        return ring;
    }

    /**
     * {@return the number of slots}
     */
    public int size() {
        return size;
    }

    /** {@return slots holding a file, as far as this table knows; 0 once the ring is closed (closing dropped them all)} */
    public synchronized int occupied() {
        return ring.isClosed() ? 0 : occupied;
    }

    /**
     * {@return whether {@code slot} holds a file (false once the ring is closed)} @param slot the slot index
     * @param slot the slot index
     */
    public synchronized boolean isOccupied(int slot) {
        return slotTags[checkSlot(slot)] != 0 && !ring.isClosed();
    }

    /** True while {@code file} is what this table holds in its slot (and the ring is open). */
    synchronized boolean isOccupiedBy(int slot, FixedFile file) {
        long expected = file.isKernelInstalled() ? KERNEL_INSTALLED : file.tag();
        return !ring.isClosed() && slotTags[slot] == expected;
    }

    /**
     * Released slots whose drop the kernel has not confirmed yet.
     * @return released slots whose drop the kernel has not confirmed yet
     */
    public synchronized int awaitingDrop() {
        return awaitingDrop.size();
    }

    /**
     * Puts {@code fd} in the lowest free slot (outside the range reserved for the kernel). The table holds
     * its own reference to the file: closing {@code fd} afterwards does not free it, releasing the slot
     * does. {@code owner} (may be null: the handle itself) is the object whose life bounds the slot, held
     * weakly.
     * @param fd the fd to put in the slot (the table holds its own reference)
     * @param owner the object whose life bounds the slot or ring (held weakly), or null
     * @return the slot's handle
     */
    public synchronized FixedFile register(int fd, Object owner) {
        checkFd(fd);
        int slot = freeSlot();
        if (slot < 0) {
            throw new IllegalStateException("fixed-file table of " + ring + " is full (" + size + " slots, "
                    + kernelCount + " reserved for the kernel)");
        }
        return occupy(slot, fd, owner, false);
    }

    /**
     * Puts {@code fd} in {@code slot}, which must be free.
     * @param slot the slot index
     * @param fd the fd to put in the slot (the table holds its own reference)
     * @param owner the object whose life bounds the slot or ring (held weakly), or null
     * @return the slot's handle
     */
    public synchronized FixedFile registerAt(int slot, int fd, Object owner) {
        checkFd(fd);
        if (slotTags[checkSlot(slot)] != 0) {
            throw new IllegalStateException("slot " + slot + " of " + ring + " is occupied");
        }
        return occupy(slot, fd, owner, false);
    }

    /**
     * Takes ownership of a slot the kernel filled (accept/openat/socket direct); its result named the slot.
     * @param slot the slot index
     * @param owner the object whose life bounds the slot or ring (held weakly), or null
     * @return the slot's handle
     */
    public synchronized FixedFile adopt(int slot, Object owner) {
        if (slotTags[checkSlot(slot)] != 0) {
            throw new IllegalStateException("slot " + slot + " of " + ring + " is already tracked");
        }
        return occupy(slot, -1, owner, true);
    }

    /**
     * Reserves {@code [offset, offset+count)} for slots the kernel picks ({@link Sqe#ALLOC_SLOT});
     * {@link #register} then never uses them, so the two never collide.
     * @param offset first slot of the range
     * @param count number of slots in the range
     */
    public synchronized void reserveForKernel(int offset, int count) {
        if (offset < 0 || count <= 0 || (long) offset + count > size) {
            throw new IllegalArgumentException("kernel range [" + offset + ", " + ((long) offset + count)
                    + ") does not fit a table of " + size + " slots");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment range = a.allocate(FILE_INDEX_RANGE);
            range.set(JAVA_INT, offset(FILE_INDEX_RANGE, "off"), offset);
            range.set(JAVA_INT, offset(FILE_INDEX_RANGE, "len"), count);
            ring.register(REGISTER_FILE_ALLOC_RANGE, range.address(), 0,
                    "REGISTER_FILE_ALLOC_RANGE, off=" + offset + ", len=" + count);
        }
        kernelFrom = offset;
        kernelCount = count;
    }

    /**
     * Releases whatever this table holds in {@code slot}, e.g. for a monitoring agent reclaiming a slot
     * whose owner is gone; a handle to it then finds it released. Returns false if the slot was empty.
     * @param slot the slot index
     * @return whether the slot held a file
     */
    public synchronized boolean releaseSlot(int slot) {
        long tag = slotTags[checkSlot(slot)];
        if (tag == 0) {
            return false;
        }
        vacate(new FixedFile(this, slot, -1, null, tag == KERNEL_INSTALLED ? 0 : tag, tag == KERNEL_INSTALLED));
        return true;
    }

    /** Every registration passes here (instrumentation point): kernel update, then bookkeeping. */
    private FixedFile occupy(int slot, int fd, Object owner, boolean kernelInstalled) {
        long tag = 0;
        if (!kernelInstalled) {
            tag = IoUring.TAG_PREFIX | ++tagSeq;
            update(slot, fd, tag, "register fd " + fd + " in slot " + slot);
        }
        slotTags[slot] = kernelInstalled ? KERNEL_INSTALLED : tag;
        occupied++;
        return new FixedFile(this, slot, fd, owner, tag, kernelInstalled);
    }

    /** Called once per handle by {@link FixedFile#close()}. */
    synchronized void release(FixedFile file) {
        long expected = file.isKernelInstalled() ? KERNEL_INSTALLED : file.tag();
        if (ring.isClosed() || slotTags[file.slot()] != expected) {
            return; // the ring's close dropped every slot, or the slot was already released via releaseSlot
        }
        vacate(file);
    }

    /** Every release passes here (instrumentation point): empty the slot in the kernel, await its tag. */
    private void vacate(FixedFile file) {
        int slot = file.slot();
        update(slot, -1, 0, "release slot " + slot);
        slotTags[slot] = 0;
        occupied--;
        if (slot < searchFrom) {
            searchFrom = slot;
        }
        if (file.tag() != 0) {
            awaitingDrop.put(file.tag(), slot);
        }
    }

    /** A tag completion arrived from the CQ. */
    synchronized void tagArrived(long tag) {
        Integer slot = awaitingDrop.remove(tag);
        if (slot != null) {
            dropConfirmed(slot, tag);
        }
    }

    /** The kernel confirmed it dropped the file of {@code slot} (instrumentation point). */
    private void dropConfirmed(int slot, long tag) {
        for (FileDropListener l : ring.dropListeners()) {
            try {
                l.fileDropped(this, slot, tag);
            } catch (RuntimeException e) {
                // a listener's failure must not lose completions for the application's handler
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    /** Called with this table's lock held (every caller is synchronized), so one scratch struct serves all. */
    private void update(int slot, int fd, long tag, String what) {
        MemorySegment upd = updateScratch;
        upd.set(JAVA_INT, UPD_FD_AT, fd);
        upd.set(JAVA_LONG, UPD_TAG_AT, tag);
        upd.set(JAVA_INT, UPD_OFFSET, slot);
        upd.set(JAVA_LONG, UPD_DATA, upd.address() + UPD_FD_AT);
        upd.set(JAVA_LONG, UPD_TAGS, tag == 0 ? 0 : upd.address() + UPD_TAG_AT);
        upd.set(JAVA_INT, UPD_NR, 1);
        ring.register(REGISTER_FILES_UPDATE2, upd.address(), (int) RSRC_UPDATE2.byteSize(), "FILES_UPDATE2, " + what);
    }

    private int freeSlot() {
        for (int i = searchFrom; i < size; i++) {
            if (slotTags[i] == 0 && (i < kernelFrom || i >= kernelFrom + kernelCount)) {
                searchFrom = i + 1;
                return i;
            }
        }
        return -1;
    }

    private int checkSlot(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " is outside the fixed-file table of " + ring
                    + " (0 to " + (size - 1) + ")");
        }
        return slot;
    }

    private static void checkFd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("fd must be >= 0, got " + fd);
        }
    }
}
