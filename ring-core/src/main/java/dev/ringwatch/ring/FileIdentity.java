package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.ringwatch.ring.KernelStructs.STAT;
import static dev.ringwatch.ring.KernelStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Which open file an fd refers to (device and inode, from fstat): a ring remembers its own so that it
 * never closes or unmaps through an fd number that the application closed and the kernel reused.
 */
record FileIdentity(long device, long inode) {
    /** The identity of what {@code fd} refers to now, or null if it is not open. */
    static FileIdentity of(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            MemorySegment st = a.allocate(STAT);
            if (Native.syscall(errno, Native.SYS_FSTAT, fd, st.address(), 0, 0, 0, 0) < 0) {
                return null;
            }
            return new FileIdentity(st.get(JAVA_LONG, offset(STAT, "st_dev")), st.get(JAVA_LONG, offset(STAT, "st_ino")));
        }
    }

    /**
     * Closes {@code fd} if it still refers to {@code expected}. Otherwise (the fd was closed behind the
     * owner's back and the number perhaps reused) leaves it alone and says so in one WARNING of the
     * {@code dev.ringwatch.ring} logger; returns whether it closed the fd.
     */
    static boolean closeIfStill(FileIdentity expected, int fd, String owner) {
        FileIdentity now = of(fd);
        if (expected == null || !expected.equals(now)) {
            System.getLogger("dev.ringwatch.ring").log(System.Logger.Level.WARNING, owner + ": fd " + fd
                    + " no longer refers to this ring (it was " + expected + ", now " + (now == null ? "not open" : now)
                    + "): it was closed behind ring-core's back; ring-core unmapped the ring's memory and left fd "
                    + fd + " alone");
            return false;
        }
        try (Arena a = Arena.ofConfined()) {
            Native.close(Native.newErrnoSlot(a), fd);
        }
        return true;
    }

    @Override
    public String toString() {
        return "device " + device + ", inode " + inode;
    }
}
