package dev.ringwatch.jmc;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * Rings piling up: more and more rings open at once, typically event loop groups that are created again and
 * again and never shut down. The event comes from a later agent version; a recording without its type is
 * "not applicable", never an error.
 */
public final class RingPileUpRule extends RingwatchRule {
    public static final String NAME = "ringwatch: Ring pile-up";
    /** Not in jfr-events yet: the pile-up detector adds it. */
    static final String EVENT = "dev.ringwatch.RingPileUp";

    public RingPileUpRule() {
        super("ringwatch.RingPileUp", NAME, EVENT, EVENT);
    }

    @Override
    String notApplicableWhy() {
        return "the recording's ringwatch agent has no pile-up rule, or none ran.";
    }

    @Override
    IResult evaluate(IItemCollection items, ResultBuilder result) {
        Findings pileUps = Findings.of(items, EVENT);
        if (pileUps.isEmpty()) {
            return nothingFound(result, "No ring pile-up in this recording.");
        }
        return found(result, Severity.WARNING,
                Findings.plural(pileUps.count(), "ring pile-up", "ring pile-ups") + " reported ("
                        + pileUps.countsBy("library") + " by library). " + pileUps.topSiteSentence(),
                "The number of open rings kept growing. Each ring holds memory and a file"
                        + " descriptor, an SQPOLL ring also a kernel thread; an event loop group that is created"
                        + " for each task and never shut down keeps its rings until the process exits.",
                "Create rings (event loop groups) once and share them, and close or shut them down"
                        + " when their work ends (shutdownGracefully() for a Netty group).");
    }
}
