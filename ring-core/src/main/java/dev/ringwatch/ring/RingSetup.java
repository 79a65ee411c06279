package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * io_uring_setup and the mappings of a new ring, all or nothing: if mapping fails after the kernel made
 * the ring, the fd is closed again. {@code scratch} holds the ring's small native buffers.
 */
record RingSetup(int fd, RingParams params, RingMemory memory, FileIdentity identity, Arena scratch) {
    static RingSetup of(IoUringBuilder b) {
        Native.requireAccess();
        Arena perRing = Arena.ofAuto();
        MemorySegment errno = Native.newErrnoSlot(perRing);
        RingParams p = new RingParams(perRing);
        int flags = b.flags;
        int wqFd = 0;
        if (b.attachTo != null) {
            wqFd = b.attachTo.fd();
            flags |= SetupFlags.ATTACH_WQ;
        }
        if (b.noSqArray) {
            flags |= SetupFlags.NO_SQARRAY;
        }
        long r = setup(errno, p, b, flags, wqFd);
        if (r < 0 && Native.errno(errno) == Errno.EINVAL && b.noSqArray && !b.noSqArrayExplicit) {
            // A kernel before 6.6 does not know NO_SQARRAY; it was only our default, so do without it.
            flags &= ~SetupFlags.NO_SQARRAY;
            r = setup(errno, p, b, flags, wqFd);
        }
        if (r < 0) {
            int e = Native.errno(errno);
            throw new IoUringException(b.describeSetup(flags, wqFd), e, b.setupHint(e, flags));
        }
        int fd = (int) r;
        RingMemory memory;
        try {
            memory = new RingMemory(fd, p, p.flags(), errno, b.mapper, "io_uring fd=" + fd);
        } catch (RuntimeException e) {
            // Nothing may leak when set-up fails half-way: the mappings are gone already, close the fd.
            Native.close(errno, fd);
            throw e;
        }
        return new RingSetup(fd, p, memory, FileIdentity.of(fd), perRing);
    }

    private static long setup(MemorySegment errno, RingParams p, IoUringBuilder b, int flags, int wqFd) {
        p.request(flags, b.cqEntries, b.sqThreadCpu < 0 ? 0 : b.sqThreadCpu, b.sqThreadIdleMillis, wqFd);
        return Native.syscall(errno, Native.SYS_IO_URING_SETUP, b.entries, p.address(), 0, 0, 0, 0);
    }
}
