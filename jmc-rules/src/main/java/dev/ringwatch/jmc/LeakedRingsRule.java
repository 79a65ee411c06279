package dev.ringwatch.jmc;

import dev.ringwatch.jfr.RingCreatedEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * Rings without SQPOLL that leaked: information, as they hold memory and a file descriptor but no thread
 * (the SQPOLL ones are {@link LeakedSqpollRingsRule}'s).
 */
public final class LeakedRingsRule extends RingwatchRule {
    public static final String NAME = "ringwatch: Leaked rings";

    public LeakedRingsRule() {
        super("ringwatch.LeakedRings", NAME, AGENT_PRESENCE, RingLeakEvent.NAME);
    }

    @Override
    IResult evaluate(IItemCollection items, ResultBuilder result) {
        Findings rings = Findings.of(items, RingLeakEvent.NAME).without(e -> e.flag("severe"));
        if (rings.isEmpty()) {
            int created = Findings.of(items, RingCreatedEvent.NAME).count();
            return nothingFound(result, "No ring without SQPOLL leaked in this recording ("
                    + Findings.plural(created, "ring", "rings") + " created while it ran).");
        }
        return found(result, Severity.INFO,
                rings.leakedSentence("ring", "rings", " without SQPOLL") + " " + rings.topSiteSentence(),
                "A ring that is dropped without close() keeps its file descriptor, its mapped"
                        + " submission and completion queues and any registered files until the process exits"
                        + " (or until the agent reclaims it, with option reclaim). Many such rings exhaust the"
                        + " memlock limit or the fd limit.",
                "Close each ring when its work ends (try-with-resources, or in the close() of the"
                        + " object that owns it); give the ring an owner with owner(..) when another object's"
                        + " life should bound it.");
    }
}
