/**
 * The agent's read-only view of what the kernel reports about this process's io_uring resources, for the
 * reconciler to compare with the tracker. Pure JDK, no state: every call reads /proc afresh and returns a
 * {@link dev.ringwatch.agent.proc.ProcResult} (a value, or a {@link dev.ringwatch.agent.proc.ProcError}
 * naming the file, line and kind), never throws.
 *
 * <ul>
 *   <li>{@link dev.ringwatch.agent.proc.ProcView}: one entry point over a {@link dev.ringwatch.agent.proc.ProcRoot}
 *       ({@code /proc}, or an injected directory in tests).</li>
 *   <li>{@link dev.ringwatch.agent.proc.FdInfoReader} / {@link dev.ringwatch.agent.proc.RingFdInfo}:
 *       {@code /proc/self/fdinfo/<ring fd>}, read again while the ring's lock is busy.</li>
 *   <li>{@link dev.ringwatch.agent.proc.ProcFds} / {@link dev.ringwatch.agent.proc.FdTable}: open fds and
 *       their targets (rings, sockets by inode).</li>
 *   <li>{@link dev.ringwatch.agent.proc.ProcMaps}: io_uring mappings by ring inode.</li>
 *   <li>{@link dev.ringwatch.agent.proc.SqpollThreads}: {@code iou-sqp-*} threads.</li>
 *   <li>{@link dev.ringwatch.agent.proc.SockStat}: {@code /proc/net/sockstat}.</li>
 * </ul>
 *
 * Kernel facts this rests on, checked on 6.18 by the tests in this package: each ring has its own inode,
 * shown alike as fdinfo {@code ino}, by a stat of the fd and in {@code /proc/self/maps}, and not reused
 * after close; a closed ring that is still mapped stays in maps with its SQPOLL thread until unmapped;
 * fdinfo {@code SqThread} names the creating thread until the SQPOLL thread first runs.
 */
package dev.ringwatch.agent.proc;
