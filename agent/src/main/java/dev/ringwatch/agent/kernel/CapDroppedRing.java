package dev.ringwatch.agent.kernel;

/**
 * A ring an adapter saw being set up but the tracker did not record because it had reached its memory cap
 * ({@code maxTracked}). It is a library's ring, so it is never "untracked"; the reconciler judges nothing
 * else about it either.
 *
 * @param inode       the ring's inode (fdinfo {@code ino}), read while its fd was the ring's; -1 while not read yet
 * @param sqThreadTid fdinfo {@code SqThread} as read with the inode (maybe the creating thread's tid until the
 *                    SQPOLL thread first ran); -1 when none or not read
 * @param sqpoll      set up with SQPOLL (a thread of its own or a shared one)
 * @param open        false once the library closed it (kept a while: its mapping or thread may linger)
 * @param readPending its inode is not read yet but will be (the reconciler concludes nothing about io_uring fds it
 *                    cannot explain meanwhile); false once read, or given up (its fd was not the ring's any more)
 */
public record CapDroppedRing(long inode, int sqThreadTid, boolean sqpoll, boolean open, boolean readPending) {
}
