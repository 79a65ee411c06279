package dev.ringwatch.agent.track;

import dev.ringwatch.agent.kernel.CapDroppedRing;
import dev.ringwatch.agent.kernel.InFlightOp;
import dev.ringwatch.agent.kernel.TrackedRing;
import dev.ringwatch.agent.kernel.TrackedSlot;
import dev.ringwatch.agent.kernel.TrackedState;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tracker as the kernel reconciler reads it ({@link TrackedState}). Ring and slot views are made once
 * per state and reused, so a round allocates little; each ring's slots are copied under that ring's
 * monitor and handed out after it is released.
 *
 * <p>In-flight operations are the long-lived ones on fixed files (polls, multishot accepts: only those
 * preps are instrumented), without their user data. Not known to the tracker: what a registered fd pointed
 * at (see {@link SlotRecord}); the reconciler takes the slot's file from fdinfo.
 */
public final class TrackerState implements TrackedState {
    private static final MethodType INT = MethodType.methodType(int.class);
    /** {@code IoUring.cqReady()} by class: the tracker never links against ring-core. */
    private static final ClassValue<MethodHandle> CQ_READY = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "cqReady", INT);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    };

    private final Tracker tracker;

    public TrackerState(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void forEachRing(Consumer<? super TrackedRing> action) {
        tracker.forEachRecord(r -> action.accept(r.tracked()));
    }

    @Override
    public void forEachSlot(Consumer<? super TrackedSlot> action) {
        tracker.forEachRecord(r -> {
            List<TrackedSlot> slots = r.trackedSlots();
            for (TrackedSlot s : slots) {
                action.accept(s);
            }
        });
    }

    @Override
    public void forEachInFlight(Consumer<? super InFlightOp> action) {
        tracker.forEachRecord(r -> r.forEachInFlight(action));
    }

    @Override
    public void forEachCapDropped(Consumer<? super CapDroppedRing> action) {
        tracker.capDropped().forEach(action);
    }

    @Override
    public boolean capDroppedOverflowed() {
        return tracker.capDropped().overflowed();
    }

    @Override
    public boolean ringsBeingSetUp() {
        return tracker.ringsBeingSetUp();
    }

    @Override
    public int cqReady(long ringId) {
        RingRecord r = tracker.openRecord(ringId);
        Object ring = r == null ? null : r.ring();
        if (ring == null) {
            return -1;
        }
        MethodHandle h = CQ_READY.get(ring.getClass());
        if (h == null) {
            return -1;
        }
        try {
            return (int) h.invoke(ring);
        } catch (Throwable closedMeanwhile) {
            return -1;
        }
    }

    @Override
    public long droppedEntries() {
        return tracker.counts().droppedEntries();
    }

    @Override
    public long leaksReported() {
        TrackerSnapshot.Counts c = tracker.counts();
        return c.ringLeaks() + c.slotLeaks(); // the reconciler adds its own
    }
}
