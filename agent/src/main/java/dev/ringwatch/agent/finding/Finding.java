package dev.ringwatch.agent.finding;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.RingLeakEvent;

import java.util.Objects;

/**
 * One leak, found by any rule (the GC rules, the kernel reconciler's), with the fields of the JFR event it
 * maps to (named alike, committed by {@link FindingEvents}), plus the few facts only the log line uses.
 * Times are nanoseconds; fds and tids are -1 when not known.
 */
public sealed interface Finding {

    Rule rule();

    /** A ring that leaked, as {@code RingLeakEvent} records it (the two rules differ in {@link #reason()}). */
    sealed interface RingLeak extends Finding permits RingOutlivedOwner, ClosedRingStillMapped, RingOutlivedThread {
        String library();
        long ringId();
        int ringFd();
        String setupFlags();
        boolean severe();
        String ownerClass();
        String creatingThread();
        long age();
        String creationStack();
        long bytesMapped();
        int sqThreadTid();
        /** Slots it still held, -1 when not known. */
        int occupiedSlots();
        /** {@code RingLeakEvent.REASON_*}, by the rule. */
        default String reason() {
            switch (rule()) {
                case RING_OUTLIVED_OWNER:
                    return RingLeakEvent.REASON_OWNER_GONE;
                case RING_OUTLIVED_THREAD:
                    return RingLeakEvent.REASON_THREAD_GONE;
                default:
                    return RingLeakEvent.REASON_CLOSED_BUT_MAPPED;
            }
        }
    }

    /** A slot that leaked, as {@code FileSlotLeakEvent} records it (the two rules differ in {@link #reason()}). */
    sealed interface SlotLeak extends Finding permits SlotOutlivedOwner, FdClosedUnderSlot {
        long ringId();
        int ringFd();
        int slot();
        int fd();
        String file();
        long tag();
        String ownerClass();
        String creatingThread();
        long age();
        String creationStack();
        /** {@code FileSlotLeakEvent.REASON_*}, by the rule. */
        default String reason() {
            return rule() == Rule.SLOT_OUTLIVED_OWNER ? FileSlotLeakEvent.REASON_OWNER_GONE
                    : FileSlotLeakEvent.REASON_FD_CLOSED_UNDER_SLOT;
        }
    }

    /**
     * An open ring whose owner became unreachable (the GC saw it). Maps to {@code RingLeakEvent} with reason
     * {@code owner gone}; {@code severe} for SQPOLL rings, whose kernel thread keeps polling. Made only from
     * the tracker's views, whose texts are never null.
     *
     * @param sqEntries     the ring's submission queue size (the line names the ring by it)
     * @param explicitOwner the owner was given ({@code owner(..)}); false: the ring owned itself
     * @param ringCollected the ring object is gone too, so nothing can close the ring any more
     */
    record RingOutlivedOwner(String library, long ringId, int ringFd, String setupFlags, boolean severe,
                             String ownerClass, String creatingThread, long age, String creationStack,
                             long bytesMapped, int sqThreadTid, int occupiedSlots, int sqEntries,
                             boolean explicitOwner, boolean ringCollected) implements RingLeak {
        @Override
        public Rule rule() {
            return Rule.RING_OUTLIVED_OWNER;
        }
    }

    /**
     * An open ring whose owning thread (an event loop's, named by its adapter) has terminated: nothing will run
     * or close it any more. Maps to {@code RingLeakEvent} with reason {@code owning thread ended}.
     *
     * @param sqEntries  the ring's submission queue size, for the line's ring name
     * @param threadName the thread that ended
     */
    record RingOutlivedThread(String library, long ringId, int ringFd, String setupFlags, boolean severe,
                              String ownerClass, String creatingThread, long age, String creationStack,
                              long bytesMapped, int occupiedSlots, int sqEntries, String threadName)
            implements RingLeak {
        @Override
        public Rule rule() {
            return Rule.RING_OUTLIVED_THREAD;
        }

        /** Not looked up for this rule. */
        @Override
        public int sqThreadTid() {
            return -1;
        }
    }

    /**
     * Rings from one creation site piled up: more than the threshold open, grown window after window with none
     * closed. Maps to {@code RingPileUpEvent}; one per site.
     *
     * @param creationSite   where the rings were made, one frame per line; empty when not captured
     * @param sqpollThreads  of the open rings, the ones holding an SQPOLL thread
     * @param creatingThread the thread that made the newest of them
     */
    record RingPileUp(String library, String creationSite, int openRings, int sqpollThreads, long oldestAge,
                      int growingWindows, String creatingThread) implements Finding {
        public RingPileUp {
            creationSite = text(creationSite);
        }

        @Override
        public Rule rule() {
            return Rule.RING_PILE_UP;
        }
    }

    /**
     * A slot whose owner became unreachable while it still holds a file (the GC saw it). Maps to
     * {@code FileSlotLeakEvent} with reason {@code owner gone}.
     *
     * @param file            what the slot holds as the kernel shows it, e.g. {@code socket:[18868]}; null when
     *                        unknown
     * @param kernelInstalled the kernel filled the slot (no fd was registered)
     * @param explicitOwner   the owner was given; false: the FixedFile handle owned itself
     * @param ringSqpoll      the slot's ring, as the line names it: SQPOLL, its flags and queue size
     */
    record SlotOutlivedOwner(long ringId, int ringFd, int slot, int fd, String file, long tag, String ownerClass,
                             String creatingThread, long age, String creationStack, boolean kernelInstalled,
                             boolean explicitOwner, boolean ringSqpoll, String ringSetupFlags, int ringSqEntries)
            implements SlotLeak {
        @Override
        public Rule rule() {
            return Rule.SLOT_OUTLIVED_OWNER;
        }
    }

    /**
     * A closed ring that {@code /proc/self/maps} still maps, so the kernel keeps it (and its SQPOLL thread)
     * alive. Maps to {@code RingLeakEvent} with reason {@code closed but still mapped}.
     */
    record ClosedRingStillMapped(String library, long ringId, int ringFd, String setupFlags, boolean severe, String ownerClass,
                                 String creatingThread, long age, String creationStack, long bytesMapped,
                                 int sqThreadTid, long inode, long sinceClose, String closeSite) implements RingLeak {
        public ClosedRingStillMapped {
            library = text(library);
            setupFlags = text(setupFlags);
            ownerClass = text(ownerClass);
            creatingThread = text(creatingThread);
            creationStack = text(creationStack);
            closeSite = text(closeSite);
        }

        @Override
        public Rule rule() {
            return Rule.CLOSED_RING_STILL_MAPPED;
        }

        /** The fd is closed: the kernel's slot list cannot be read. */
        @Override
        public int occupiedSlots() {
            return -1;
        }
    }

    /**
     * A closed SQPOLL ring's {@code iou-sqp} thread alive past the grace period with no open ring sharing it.
     * Maps to {@code SqpollThreadLeakEvent} with reason {@code outlived its ring}.
     *
     * @param keptByFd another fd that still refers to the closed ring (a dup), or -1
     */
    record SqpollThreadOutlivedRing(int sqThreadTid, String threadName, long ringId, int ringFd, String setupFlags,
                                    long sinceClose, String ownerClass, String creatingThread, String creationStack,
                                    int sqThreadIdleMillis, long graceNanos, String closeSite, int keptByFd)
            implements Finding {
        public SqpollThreadOutlivedRing {
            threadName = text(threadName);
            setupFlags = text(setupFlags);
            ownerClass = text(ownerClass);
            creatingThread = text(creatingThread);
            creationStack = text(creationStack);
            closeSite = text(closeSite);
        }

        @Override
        public Rule rule() {
            return Rule.SQPOLL_THREAD_OUTLIVED_RING;
        }
    }

    /**
     * An io_uring fd that no tracked ring explains. Maps to {@code UntrackedRingEvent}.
     *
     * @param occupiedSlots fixed-file slots fdinfo lists as holding a file, -1 when not known
     * @param fdinfo        summary of the kernel's view, e.g. {@code SqThread: 4242, UserFiles: 16, UserBufs: 0}
     */
    record UntrackedRing(int ringFd, long inode, int sqThreadTid, int occupiedSlots, String fdinfo)
            implements Finding {
        public UntrackedRing {
            fdinfo = text(fdinfo);
        }

        /**
         * Untracked is not leaked: only a ring that holds an SQPOLL thread or occupied slots is reported as a
         * leak (WARNING); any other is one INFO line ({@code ringwatch UNTRACKED}), counted nowhere as a leak.
         */
        public boolean isLeak() {
            return sqThreadTid > 0 || occupiedSlots > 0;
        }

        @Override
        public Rule rule() {
            return Rule.UNTRACKED_RING;
        }
    }

    /**
     * An {@code iou-sqp} thread that no tracked (or adopted, or already reported) ring explains: the thread
     * half of the untracked rule. Maps to {@code SqpollThreadLeakEvent} with reason {@code no tracked ring}.
     */
    record UntrackedSqpollThread(int sqThreadTid, String threadName) implements Finding {
        public UntrackedSqpollThread {
            threadName = text(threadName);
        }

        @Override
        public Rule rule() {
            return Rule.UNTRACKED_RING;
        }
    }

    /**
     * The application closed the fd it registered while the slot still holds the file. Maps to
     * {@code FileSlotLeakEvent} with reason {@code fd closed under slot}.
     *
     * @param file  what the slot holds, as fdinfo lists it
     * @param fdNow what {@code fd} points at now; empty when it is closed
     */
    record FdClosedUnderSlot(long ringId, int ringFd, int slot, int fd, String file, long tag, String ownerClass,
                             String creatingThread, long age, String creationStack, String fdNow) implements SlotLeak {
        public FdClosedUnderSlot {
            file = text(file);
            ownerClass = text(ownerClass);
            creatingThread = text(creatingThread);
            creationStack = text(creationStack);
            fdNow = text(fdNow);
        }

        @Override
        public Rule rule() {
            return Rule.FD_CLOSED_UNDER_SLOT;
        }
    }

    /**
     * A released slot whose tag CQE has not come within the grace period while the ring's CQ is empty. Maps
     * to {@code SlotReleaseStalledEvent}.
     *
     * @param oldestInFlight e.g. {@code POLL_ADD multishot on slot 0 (user data 0x7)}; empty when none known
     */
    record SlotReleaseStalled(long ringId, int ringFd, int slot, long tag, String file, long stalledFor,
                              String oldestInFlight, long oldestInFlightAge, int pendingReleases) implements Finding {
        public SlotReleaseStalled {
            file = text(file);
            oldestInFlight = text(oldestInFlight);
        }

        @Override
        public Rule rule() {
            return Rule.SLOT_RELEASE_STALLED;
        }
    }

    /**
     * {@code sockets: used} rose over a window while this process's socket fds and slot-held sockets explain
     * none of the rise, and the rise is this process's: {@code unheldSockets} connections accepted on its own
     * listening sockets are held by neither its fds nor its tracked slots (-1 while only suspected). Maps to
     * {@code SocketDriftEvent}.
     */
    record SocketDrift(long window, int rounds, long socketsUsedStart, long socketsUsedEnd, int socketFdsStart,
                       int socketFdsEnd, int slotHeldSocketsStart, int slotHeldSocketsEnd, int unheldSockets)
            implements Finding {
        @Override
        public Rule rule() {
            return Rule.SOCKET_DRIFT;
        }

        /** The same drift, attributed: {@code n} of this process's sockets are held where it cannot see them. */
        public SocketDrift withUnheldSockets(int n) {
            return new SocketDrift(window, rounds, socketsUsedStart, socketsUsedEnd, socketFdsStart, socketFdsEnd,
                    slotHeldSocketsStart, slotHeldSocketsEnd, n);
        }
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
