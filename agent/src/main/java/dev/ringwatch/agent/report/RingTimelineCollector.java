package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.Listing;
import dev.ringwatch.agent.report.RecordingReport.OpenRing;
import dev.ringwatch.agent.report.RecordingReport.RingActivity;
import dev.ringwatch.agent.report.RecordingReport.SlotActivity;
import dev.ringwatch.agent.report.RecordingReport.Timeline;
import dev.ringwatch.jfr.FileSlotUpdatedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Rings and slots over time, from RingCreated, RingClosed and FileSlotUpdated. JFR writes each
 * thread's events in buffers, so file order is not time order: everything is kept as small points and
 * replayed sorted by time (file order breaks ties) when the report is built.
 *
 * <p>Also the directory of rings the recording knows, which the leak grouping uses to fill in a
 * slot leak's ring flags and a ring leak's creation stack when the agent did not capture one.
 */
final class RingTimelineCollector {
    /** FileSlotUpdated's type id in the recording, -1 when absent; whether it was on (off in ringwatch.jfc). */
    private long slotTypeId = -1;
    private boolean slotEventsEnabled;

    /** What the recording says about one ring. Fields stay at their "not known" values until an event tells. */
    static final class RingRecord {
        final long ringId;
        int ringFd = -1;
        String setupFlags = "";
        String ownerClass = "";
        /** The JFR stack trace of its RingCreated event, formatted; "" when none. */
        String creationStack = "";
        Instant createdAt;
        Instant closedAt;
        /** A RingLeak named it (set while reading when the ring was known by then). */
        boolean leaked;

        RingRecord(long ringId) {
            this.ringId = ringId;
        }
    }

    private record RingPoint(Instant at, long order, long ringId, boolean created) {
    }

    private record SlotPoint(Instant at, long order, long ringId, int slot, String action, long tag) {
    }

    private record SlotKey(long ringId, int slot) {
    }

    private record TaggedSlot(long ringId, int slot, long tag) {
    }

    private static final Comparator<RingPoint> RING_TIME_ORDER =
            Comparator.comparing(RingPoint::at).thenComparingLong(RingPoint::order);
    private static final Comparator<SlotPoint> SLOT_TIME_ORDER =
            Comparator.comparing(SlotPoint::at).thenComparingLong(SlotPoint::order);

    private final Map<Long, RingRecord> rings = new HashMap<>();
    private final List<RingPoint> ringPoints = new ArrayList<>();
    private final List<SlotPoint> slotPoints = new ArrayList<>();
    private final Distribution.Samples confirmationDelays = new Distribution.Samples();
    /** Many rings share a creation site: one copy of each distinct stack text. */
    private final Map<String, String> stackTexts = new HashMap<>();

    void ringCreated(RecordedEvent event, long order) {
        RingRecord ring = ring(EventFields.longValue(event, "ringId", 0));
        ring.ringFd = EventFields.intValue(event, "ringFd", -1);
        ring.setupFlags = EventFields.string(event, "setupFlags");
        ring.ownerClass = EventFields.string(event, "ownerClass");
        String stack = CreationStacks.format(event.getStackTrace());
        ring.creationStack = stackTexts.computeIfAbsent(stack, s -> s);
        ring.createdAt = event.getStartTime();
        ringPoints.add(new RingPoint(event.getStartTime(), order, ring.ringId, true));
    }

    void ringClosed(RecordedEvent event, long order) {
        RingRecord ring = ring(EventFields.longValue(event, "ringId", 0));
        if (ring.ringFd < 0) {
            ring.ringFd = EventFields.intValue(event, "ringFd", -1);
        }
        if (ring.setupFlags.isEmpty()) {
            ring.setupFlags = EventFields.string(event, "setupFlags");
        }
        ring.closedAt = event.getStartTime();
        ringPoints.add(new RingPoint(event.getStartTime(), order, ring.ringId, false));
    }

    /**
     * The recording's own word on FileSlotUpdated: the event type's id in it (-1 when the type is not in the
     * recording at all), then each {@code jdk.ActiveSetting} of that type's {@code enabled} setting.
     */
    void slotEventType(long typeId) {
        slotTypeId = typeId;
    }

    void activeSetting(RecordedEvent event) {
        if (slotTypeId >= 0 && EventFields.longValue(event, "id", -1) == slotTypeId
                && "enabled".equals(EventFields.string(event, "name"))) {
            slotEventsEnabled = "true".equals(EventFields.string(event, "value"));
        }
    }

    void slotUpdated(RecordedEvent event, long order) {
        slotEventsEnabled = true;
        String action = EventFields.string(event, "action");
        slotPoints.add(new SlotPoint(event.getStartTime(), order,
                EventFields.longValue(event, "ringId", 0), EventFields.intValue(event, "slot", -1),
                action, EventFields.longValue(event, "tag", 0)));
        if (FileSlotUpdatedEvent.ACTION_DROP_CONFIRMED.equals(action)) {
            confirmationDelays.add(EventFields.nanos(event, "confirmationDelay"));
        }
    }

    /** The ring with this id, or null when the recording has no RingCreated or RingClosed for it. */
    RingRecord find(long ringId) {
        return rings.get(ringId);
    }

    private RingRecord ring(long ringId) {
        return rings.computeIfAbsent(ringId, RingRecord::new);
    }

    /**
     * @param leakedRings whether a RingLeak named the ring, to mark the still-open rings that are leaks
     * @param end         the recording's end, for how long the still-open rings have been open
     */
    Timeline build(Predicate<RingRecord> leakedRings, Instant end, int top) {
        return new Timeline(ringActivity(leakedRings, end, top), slotActivity());
    }

    private RingActivity ringActivity(Predicate<RingRecord> leakedRings, Instant end, int top) {
        ringPoints.sort(RING_TIME_ORDER);
        Set<Long> open = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        int created = 0;
        int closed = 0;
        int openBefore = 0;
        for (RingPoint point : ringPoints) {
            if (point.created()) {
                if (seen.add(point.ringId())) {
                    created++;
                    open.add(point.ringId());
                }
            } else if (open.remove(point.ringId())) {
                closed++;
            } else if (seen.add(point.ringId())) {
                // closed, never created here: it was open when the recording started
                closed++;
                openBefore++;
            }
        }

        int live = openBefore;
        int peak = openBefore;
        Instant peakAt = ringPoints.isEmpty() ? null : ringPoints.get(0).at();
        Set<Long> replay = new HashSet<>();
        Set<Long> done = new HashSet<>();
        for (RingPoint point : ringPoints) {
            if (point.created() ? replay.add(point.ringId()) : done.add(point.ringId())) {
                live += point.created() ? 1 : -1;
                if (live > peak) {
                    peak = live;
                    peakAt = point.at();
                }
            }
        }

        List<OpenRing> stillOpen = open.stream()
                .map(rings::get)
                .sorted(Comparator.comparing((RingRecord r) -> r.createdAt).thenComparingLong(r -> r.ringId))
                .map(r -> openRing(r, leakedRings.test(r), end))
                .toList();
        return new RingActivity(created, closed, openBefore, peak, peakAt, stillOpen.size(),
                Listings.first(stillOpen, top));
    }

    private static OpenRing openRing(RingRecord ring, boolean leaked, Instant end) {
        long openFor = end == null ? 0 : Math.max(0, Duration.between(ring.createdAt, end).toNanos());
        return new OpenRing(ring.ringId, ring.ringFd, ring.setupFlags, ring.ownerClass, ring.createdAt, openFor,
                leaked, CreationStacks.site(ring.creationStack));
    }

    private SlotActivity slotActivity() {
        slotPoints.sort(SLOT_TIME_ORDER);
        long registered = 0;
        long released = 0;
        long confirmed = 0;
        Map<SlotKey, Boolean> occupied = new LinkedHashMap<>();
        Map<TaggedSlot, Integer> pending = new HashMap<>();
        for (SlotPoint point : slotPoints) {
            SlotKey slot = new SlotKey(point.ringId(), point.slot());
            TaggedSlot tagged = new TaggedSlot(point.ringId(), point.slot(), point.tag());
            switch (point.action()) {
                case FileSlotUpdatedEvent.ACTION_REGISTERED -> {
                    registered++;
                    occupied.put(slot, true);
                }
                case FileSlotUpdatedEvent.ACTION_RELEASED -> {
                    released++;
                    occupied.put(slot, false);
                    pending.merge(tagged, 1, Integer::sum);
                }
                case FileSlotUpdatedEvent.ACTION_DROP_CONFIRMED -> {
                    confirmed++;
                    pending.computeIfPresent(tagged, (k, n) -> n > 1 ? n - 1 : null);
                }
                default -> {
                    // an action a newer agent added: counted nowhere rather than guessed at
                }
            }
        }
        int occupiedAtEnd = (int) occupied.entrySet().stream()
                .filter(e -> e.getValue() && ringStillOpen(e.getKey().ringId()))
                .count();
        int unconfirmed = pending.entrySet().stream()
                .filter(e -> ringStillOpen(e.getKey().ringId()))
                .mapToInt(Map.Entry::getValue)
                .sum();
        Distribution delays = confirmationDelays.distribution();
        return new SlotActivity(slotEventsEnabled, registered, released, confirmed, occupiedAtEnd, unconfirmed,
                Distribution.median(delays), Distribution.max(delays));
    }

    /** Closing a ring drops its slots (and no confirmation can come after), so only rings not closed here count. */
    private boolean ringStillOpen(long ringId) {
        RingRecord ring = rings.get(ringId);
        return ring == null || ring.closedAt == null;
    }
}
