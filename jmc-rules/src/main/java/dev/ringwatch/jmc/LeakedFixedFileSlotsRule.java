package dev.ringwatch.jmc;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/** Fixed-file slots that still held a file after their owner was gone, or after the fd was closed under them. */
public final class LeakedFixedFileSlotsRule extends RingwatchRule {
    public static final String NAME = "ringwatch: Leaked fixed-file slots";

    public LeakedFixedFileSlotsRule() {
        super("ringwatch.LeakedFixedFileSlots", NAME, AGENT_PRESENCE, FileSlotLeakEvent.NAME);
    }

    @Override
    IResult evaluate(IItemCollection items, ResultBuilder result) {
        Findings slots = Findings.of(items, FileSlotLeakEvent.NAME);
        if (slots.isEmpty()) {
            return nothingFound(result, "No fixed-file slot leaked in this recording.");
        }
        return found(result, Severity.WARNING,
                slots.leakedSentence("fixed-file slot", "fixed-file slots", "") + " "
                        + slots.topSiteSentence(),
                "A registered (fixed) file slot holds its own reference to the file. Closing the"
                        + " application's fd does not close a socket that a slot still holds: the peer sees no"
                        + " close, and the kernel counts the socket until the slot is released or the ring is"
                        + " closed. A slot whose owner became unreachable holds its file the same way.",
                "Release each slot (FixedFile.close()) before or together with closing the fd it"
                        + " holds, e.g. in the connection's close(); close the ring when its slots are no longer"
                        + " needed.");
    }
}
