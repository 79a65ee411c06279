package dev.ringwatch.jfr;

import java.util.List;
import jdk.jfr.Event;

/** The catalogue of ringwatch's event classes, e.g. for registering them or checking settings. */
public final class RingwatchEvents {

    /** Every ringwatch event class, in the order of the event reference (EVENTS.md). */
    public static final List<Class<? extends Event>> ALL = List.of(
            RingCreatedEvent.class,
            RingClosedEvent.class,
            FileSlotUpdatedEvent.class,
            RingLeakEvent.class,
            FileSlotLeakEvent.class,
            SqpollThreadLeakEvent.class,
            SlotReleaseStalledEvent.class,
            SocketDriftEvent.class,
            RingPileUpEvent.class,
            UntrackedRingEvent.class,
            OpenAtExitEvent.class,
            RingStatisticsEvent.class);

    private RingwatchEvents() {
    }
}
