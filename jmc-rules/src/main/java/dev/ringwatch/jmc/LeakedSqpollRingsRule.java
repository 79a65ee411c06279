package dev.ringwatch.jmc;

import dev.ringwatch.jfr.RingCreatedEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.SqpollThreadLeakEvent;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/** SQPOLL rings that leaked, and iou-sqp kernel threads that outlived their rings: a warning each. */
public final class LeakedSqpollRingsRule extends RingwatchRule {
    public static final String NAME = "ringwatch: Leaked SQPOLL rings";

    public LeakedSqpollRingsRule() {
        super("ringwatch.LeakedSqpollRings", NAME, AGENT_PRESENCE, RingLeakEvent.NAME);
    }

    @Override
    IResult evaluate(IItemCollection items, ResultBuilder result) {
        Findings rings = Findings.of(items, RingLeakEvent.NAME).where(e -> e.flag("severe"));
        Findings threads = Findings.of(items, SqpollThreadLeakEvent.NAME);
        if (rings.isEmpty() && threads.isEmpty()) {
            int created = Findings.of(items, RingCreatedEvent.NAME).where(RingwatchCounts::isSqpoll).count();
            return nothingFound(result, "No SQPOLL ring leaked in this recording ("
                    + Findings.plural(created, "SQPOLL ring", "SQPOLL rings") + " created while it ran).");
        }
        StringBuilder summary = new StringBuilder();
        if (!rings.isEmpty()) {
            summary.append(rings.leakedSentence("SQPOLL ring", "SQPOLL rings", "")).append(' ');
        }
        if (!threads.isEmpty()) {
            summary.append(Findings.plural(threads.count(), "iou-sqp kernel thread", "iou-sqp kernel threads"))
                    .append(" outlived their rings (").append(threads.countsBy("reason")).append("). ");
        }
        summary.append(rings.isEmpty() ? threads.topSiteSentence() : rings.topSiteSentence());
        return found(result, Severity.WARNING,
                summary.toString(),
                "An SQPOLL ring owns a kernel thread (iou-sqp-PID) that polls its submission queue."
                        + " A ring that is never closed, or one closed while some other mapping of it remains, keeps"
                        + " that thread, its CPU affinity and its locked memory until the process exits: every"
                        + " leaked ring adds one more thread. Each finding's creationStack field (Event Browser,"
                        + " ringwatch > Leaks) says where the ring was made.",
                "Close every SQPOLL ring when its work ends (try-with-resources, or close it where"
                        + " its owner's life ends). For 'closed but still mapped', find the other code, often a"
                        + " native library, that mapped the ring and make it unmap. To run many rings with few"
                        + " threads, share one SQPOLL thread with attachWq(..).");
    }
}
