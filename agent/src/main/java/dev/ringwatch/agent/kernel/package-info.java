/**
 * The kernel reconciler: once per period it compares what the agent's tracker knows about rings and slots
 * with what the kernel reports under /proc (through {@link dev.ringwatch.agent.proc.ProcView}) and reports
 * what differs. It depends on nothing else of the agent: the tracker is seen through
 * {@link dev.ringwatch.agent.kernel.TrackedState} ({@link dev.ringwatch.agent.kernel.TrackedRing},
 * {@link dev.ringwatch.agent.kernel.TrackedSlot}, {@link dev.ringwatch.agent.kernel.InFlightOp}), and findings
 * leave through an {@link dev.ringwatch.agent.kernel.AlertSink} ({@link dev.ringwatch.agent.kernel.JfrLogAlertSink}
 * by default: the JFR event, and a WARNING line to {@code System.Logger("dev.ringwatch")}).
 *
 * <p>Rules ({@link dev.ringwatch.agent.kernel.Rule}), each reported once per resource:
 * <ul>
 *   <li>closed ring still mapped: a closed ring's inode still in /proc/self/maps (the kernel keeps the ring and
 *       its SQPOLL thread); covers the thread too;</li>
 *   <li>SQPOLL thread outlived ring: a closed SQPOLL ring's thread (tid learned from fdinfo while open) alive
 *       past {@code max(sqpollGraceMin, 2 x sq_thread_idle) + period} with no open ring sharing it;</li>
 *   <li>untracked ring: an io_uring fd (by inode) or an {@code iou-sqp} thread no tracked, adopted or already
 *       reported ring explains;</li>
 *   <li>fd closed under slot: fdinfo still lists the slot's file while the registered fd is closed or points
 *       elsewhere;</li>
 *   <li>slot release stalled: a released slot's tag CQE missing past the grace while the ring's CQ is empty;</li>
 *   <li>socket drift: {@code sockets: used} rising monotonically over a window by more than our own socket fds
 *       and slot-held sockets explain, attributed to this process ({@code DriftAttribution}) before it is
 *       reported: that count covers the whole network namespace.</li>
 * </ul>
 * Suspicions that a set-up or tear-down race could cause must hold for {@code confirmRounds} consecutive
 * rounds. A read that fails (busy ring lock, unreadable file) concludes nothing.
 *
 * <p>Log lines: leaks {@code ringwatch LEAK <rule title>: <details>} (worded by {@code finding.LeakText}); the reconciler's
 * own troubles {@code ringwatch: reconciler: <what>}, once per trouble, never with LEAK.
 */
package dev.ringwatch.agent.kernel;
