package dev.ringwatch.jmc;

import dev.ringwatch.jfr.SlotReleaseStalledEvent;
import dev.ringwatch.jfr.SocketDriftEvent;
import dev.ringwatch.jfr.UntrackedRingEvent;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * What the agent's reconciler found by reading the kernel's view (/proc): slot releases the kernel did not
 * confirm, sockets the kernel counts that no fd or slot explains (warnings), and io_uring rings that no tracked
 * library made (information: they may be a native library's own).
 */
public final class KernelFindingsRule extends RingwatchRule {
    public static final String NAME = "ringwatch: Kernel-side findings";

    public KernelFindingsRule() {
        super("ringwatch.KernelFindings", NAME, AGENT_PRESENCE, SlotReleaseStalledEvent.NAME);
    }

    @Override
    IResult evaluate(IItemCollection items, ResultBuilder result) {
        Findings stalled = Findings.of(items, SlotReleaseStalledEvent.NAME);
        Findings drift = Findings.of(items, SocketDriftEvent.NAME);
        Findings untracked = Findings.of(items, UntrackedRingEvent.NAME);
        if (stalled.isEmpty() && drift.isEmpty() && untracked.isEmpty()) {
            return nothingFound(result, "The kernel's view matched the agent's: no stalled slot release,"
                    + " no socket drift, no untracked ring.");
        }
        List<String> parts = new ArrayList<>();
        if (!stalled.isEmpty()) {
            parts.add(Findings.plural(stalled.count(), "slot release", "slot releases") + " stalled"
                    + stalled.largest("stalledFor").map(d -> " (the longest for " + d + ")").orElse(""));
        }
        if (!drift.isEmpty()) {
            parts.add("kernel sockets grew without fds or slots to explain them in "
                    + Findings.plural(drift.count(), "window", "windows"));
        }
        if (!untracked.isEmpty()) {
            parts.add(Findings.plural(untracked.count(), "io_uring ring", "io_uring rings")
                    + " found that no tracked library made");
        }
        boolean warning = !stalled.isEmpty() || !drift.isEmpty();
        return found(result, warning ? Severity.WARNING : Severity.INFO,
                String.join("; ", parts) + ".",
                "A released fixed-file slot is really gone only when the kernel posts its tag"
                        + " completion. On kernels 5.7 to 6.12 one long-running request on a fixed file (a poll on"
                        + " a listening socket) holds back every later release, so sockets pile up in the kernel"
                        + " (liburing issue 1192). Socket drift is the same pile-up seen from /proc/net/sockstat."
                        + " Untracked rings are io_uring instances made outside ring-core or Netty, e.g. by a"
                        + " native library; ringwatch cannot say who owns them.",
                "For stalled releases and drift: upgrade to kernel 6.13 or later, or avoid"
                        + " long-running requests (polls, accepts) on fixed files, using the plain fd for them. For"
                        + " untracked rings: check which native library uses io_uring (the event's fdinfo field"
                        + " shows the ring's flags and slots).");
    }
}
