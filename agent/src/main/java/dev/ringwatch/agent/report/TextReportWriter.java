package dev.ringwatch.agent.report;

import static dev.ringwatch.agent.report.HumanFormat.count;
import static dev.ringwatch.agent.report.HumanFormat.duration;
import static dev.ringwatch.agent.report.HumanFormat.time;

import dev.ringwatch.agent.report.RecordingReport.ExitSummary;
import dev.ringwatch.agent.report.RecordingReport.JvmInfo;
import dev.ringwatch.agent.report.RecordingReport.KernelFindings;
import dev.ringwatch.agent.report.RecordingReport.LeakExample;
import dev.ringwatch.agent.report.RecordingReport.LeakSite;
import dev.ringwatch.agent.report.RecordingReport.Leaks;
import dev.ringwatch.agent.report.RecordingReport.Listing;
import dev.ringwatch.agent.report.RecordingReport.OpenRing;
import dev.ringwatch.agent.report.RecordingReport.RecordingInfo;
import dev.ringwatch.agent.report.RecordingReport.RingActivity;
import dev.ringwatch.agent.report.RecordingReport.SlotActivity;
import dev.ringwatch.agent.report.RecordingReport.SocketDriftFinding;
import dev.ringwatch.agent.report.RecordingReport.SqpollThreadFinding;
import dev.ringwatch.agent.report.RecordingReport.StalledReleaseFinding;
import dev.ringwatch.agent.report.RecordingReport.Statistics;
import dev.ringwatch.agent.report.RecordingReport.StatisticsField;
import dev.ringwatch.agent.report.RecordingReport.UntrackedRingFinding;
import dev.ringwatch.agent.report.RecordingReport.ValueCount;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report as text for a person reading it after an incident: a verdict first, then the leaks by
 * the code that created them, what the kernel showed, the life of rings and slots, and the numbers.
 */
final class TextReportWriter {

    private static final String INDENT = "  ";
    private static final String DETAIL = "       ";

    private final PrintStream out;

    private TextReportWriter(PrintStream out) {
        this.out = out;
    }

    static void write(RecordingReport report, PrintStream out) {
        new TextReportWriter(out).report(report);
        out.flush();
    }

    private void report(RecordingReport report) {
        header(report.recording());
        if (report.recording().ringwatchEvents() == 0) {
            out.println();
            out.println("No ringwatch events in this recording: it was made without the ringwatch agent, or with"
                    + " settings that leave ringwatch's events off. Record with -javaagent:ringwatch-agent.jar and"
                    + " settings=ringwatch.jfc (or add settings=ringwatch-events.jfc).");
            return;
        }
        out.println();
        verdict(report);
        leaks(report.leaks());
        kernel(report.kernel());
        untrackedNotLeaks(report.kernel());
        timeline(report.timeline().rings(), report.timeline().slots());
        statistics(report.statistics());
        exit(report.openAtExit());
    }

    private void header(RecordingInfo info) {
        out.println("ringwatch report: " + info.file() + " (" + HumanFormat.bytes(info.sizeBytes()) + ")");
        line("Recording", info.start() == null ? "the recording holds no events at all (its settings enabled none,"
                        + " or it was dumped before anything was recorded)"
                : time(info.start()) + " .. " + time(info.end()) + " (" + duration(info.durationNanos()) + "), "
                        + count(info.totalEvents(), "event", "events") + ", " + info.ringwatchEvents() + " from ringwatch");
        JvmInfo jvm = info.jvm();
        if (jvm == null) {
            line("JVM", "not in the recording (no jdk.JVMInformation event)");
        } else {
            List<String> parts = new ArrayList<>();
            parts.add("started " + time(jvm.startTime()));
            if (jvm.pid() >= 0) {
                parts.add("pid " + jvm.pid());
            }
            if (!jvm.version().isEmpty()) {
                parts.add(shortVersion(jvm.version()));
            }
            if (!jvm.javaArguments().isEmpty()) {
                parts.add("running " + jvm.javaArguments());
            }
            line("JVM", String.join(", ", parts));
        }
        String counts = info.eventCounts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().substring(RecordingReader.PREFIX.length()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        line("Events", counts.isEmpty() ? "none from ringwatch" : counts);
    }

    /** "OpenJDK 64-Bit Server VM (25.0.3+9-LTS) for linux-amd64 JRE (...), built on ..." up to " for ". */
    private static String shortVersion(String version) {
        int cut = version.indexOf(" for ");
        return cut > 0 ? version.substring(0, cut) : version;
    }

    private void verdict(RecordingReport report) {
        Leaks leaks = report.leaks();
        KernelFindings k = report.kernel();
        int kernelFindings = k.sqpollThreads().total() + k.stalledReleases().total() + k.socketDrift().total()
                + k.untrackedRings().total();
        String leakPart = leaks.total() == 0 ? "no leaks"
                : count(leaks.total(), "leak", "leaks") + " at " + count(leaks.sites().total(), "creation site", "creation sites")
                        + (leaks.severe() > 0 ? " (" + leaks.severe() + " severe: a kernel SQPOLL thread leaks too)" : "");
        int untrackedOnly = k.untrackedNotLeaks().total();
        line("Verdict", leakPart + "; " + count(kernelFindings, "kernel-side finding", "kernel-side findings") + "; "
                + (untrackedOnly == 0 ? "" : count(untrackedOnly, "untracked ring", "untracked rings") + " (not leaks); ")
                + count(report.timeline().rings().openAtEnd(), "ring", "rings") + " still open at the end");
    }

    private void leaks(Leaks leaks) {
        section("LEAKS BY CREATION SITE", leaks.total() == 0 ? "none"
                : count(leaks.total(), "leak", "leaks") + ", " + count(leaks.sites().total(), "site", "sites"));
        int rank = 1;
        for (LeakSite site : leaks.sites().items()) {
            leakSite(rank++, site);
        }
        more(leaks.sites(), "site", "sites");
    }

    private void leakSite(int rank, LeakSite site) {
        String where = site.site() == null ? "(creation stack not recorded)" : site.site();
        out.println(INDENT + "#" + rank + (site.severe() ? " SEVERE " : " ") + count(site.count(), "leak", "leaks")
                + " created at " + where);
        detail("reasons", site.reasons().stream()
                .map(r -> r.kind() + " " + (r.reason().isEmpty() ? "(no reason)" : r.reason()) + " x" + r.count())
                .collect(Collectors.joining(", ")));
        if (!site.setupFlags().isEmpty()) {
            detail("flags", String.join(", ", site.setupFlags()));
        }
        if (site.ageMaxNanos() != null) {
            detail("age", site.ageMinNanos().equals(site.ageMaxNanos()) ? duration(site.ageMaxNanos())
                    : "min " + duration(site.ageMinNanos()) + ", median " + duration(site.ageMedianNanos())
                            + ", max " + duration(site.ageMaxNanos()));
        }
        if (!site.ownerClasses().isEmpty()) {
            detail("owners", counts(site.ownerClasses()));
        }
        if (!site.creatingThreads().isEmpty()) {
            detail("threads", counts(site.creatingThreads()));
        }
        detail("example", example(site.example()));
        detail("detected", site.count() == 1 ? time(site.firstDetected())
                : time(site.firstDetected()) + " .. " + time(site.lastDetected()));
        if (!site.topFrames().isEmpty()) {
            String source = LeakCollector.SOURCE_RING_CREATED.equals(site.stackSource())
                    ? " (from RingCreated's stack trace)" : "";
            detail("stack" , site.topFrames().get(0) + source);
            for (String frame : site.topFrames().subList(1, site.topFrames().size())) {
                out.println(DETAIL + "           " + frame);
            }
        }
    }

    private static String example(LeakExample e) {
        StringBuilder text = new StringBuilder(e.kind()).append(": ");
        text.append(e.ringId() == 0 ? "no tracked ring" : "ring " + e.ringId());
        if (e.ringFd() >= 0) {
            text.append(" fd ").append(e.ringFd());
        }
        if (e.slot() != null) {
            text.append(", slot ").append(e.slot());
        }
        if (e.fd() != null && e.fd() >= 0) {
            text.append(", app fd ").append(e.fd());
        }
        if (e.file() != null && !e.file().isEmpty()) {
            text.append(", ").append(e.file());
        }
        if (e.sqThreadTid() != null && e.sqThreadTid() >= 0) {
            text.append(", iou-sqp tid ").append(e.sqThreadTid());
        }
        return text.toString();
    }

    private void kernel(KernelFindings k) {
        int total = k.sqpollThreads().total() + k.stalledReleases().total() + k.socketDrift().total()
                + k.untrackedRings().total();
        section("KERNEL-SIDE FINDINGS", total == 0 ? "none" : String.valueOf(total));
        if (total == 0) {
            return;
        }
        findings("SQPOLL threads leaked", k.sqpollThreads(), TextReportWriter::sqpollThread);
        String culprit = k.oldestInFlight() == null ? "" : " (oldest in-flight op: " + k.oldestInFlight().operation()
                + " on ring " + k.oldestInFlight().ringId() + ", in flight " + duration(k.oldestInFlight().ageNanos())
                + "; before kernel 6.13 it holds back every later release)";
        findings("Slot releases stalled" + culprit, k.stalledReleases(), TextReportWriter::stall);
        findings("Socket drift", k.socketDrift(), TextReportWriter::drift);
        findings("Untracked rings", k.untrackedRings(), TextReportWriter::untracked);
    }

    /** Rings no adapter explains that hold no SQPOLL thread and no slot: listed, not counted as findings. */
    private void untrackedNotLeaks(KernelFindings k) {
        if (k.untrackedNotLeaks().total() > 0) {
            section("UNTRACKED RINGS (not leaks: no SQPOLL thread, no occupied slot)",
                    String.valueOf(k.untrackedNotLeaks().total()));
            findings("Untracked rings", k.untrackedNotLeaks(), TextReportWriter::untracked);
        }
    }

    private <T> void findings(String title, Listing<T> listing, Function<T, String> line) {
        if (listing.total() == 0) {
            return;
        }
        out.println(INDENT + title + ": " + listing.total());
        for (T item : listing.items()) {
            out.println(INDENT + INDENT + line.apply(item));
        }
        if (listing.more() > 0) {
            out.println(INDENT + INDENT + "... and " + listing.more() + " more (--top 0 shows all)");
        }
    }

    private static String sqpollThread(SqpollThreadFinding f) {
        StringBuilder text = new StringBuilder("tid ").append(f.sqThreadTid());
        if (!f.threadName().isEmpty()) {
            text.append(' ').append(f.threadName());
        }
        text.append(": ").append(f.reason());
        if (f.ringId() != 0) {
            text.append(", ring ").append(f.ringId()).append(" fd ").append(f.ringFd());
            if (!f.setupFlags().isEmpty()) {
                text.append(' ').append(f.setupFlags());
            }
            text.append(", ").append(duration(f.sinceCloseNanos())).append(" after close");
        }
        if (f.site() != null) {
            text.append("; ring created at ").append(f.site());
        }
        return text.append(" [").append(time(f.at())).append(']').toString();
    }

    private static String stall(StalledReleaseFinding f) {
        StringBuilder text = new StringBuilder("ring ").append(f.ringId()).append(" fd ").append(f.ringFd())
                .append(" slot ").append(f.slot()).append(" tag ").append(f.tag());
        if (!f.file().isEmpty()) {
            text.append(' ').append(f.file());
        }
        text.append(": released ").append(duration(f.stalledForNanos())).append(" ago, not confirmed");
        if (!f.oldestInFlight().isEmpty()) {
            text.append("; oldest in flight ").append(f.oldestInFlight()).append(" (")
                    .append(duration(f.oldestInFlightAgeNanos())).append(')');
        }
        return text.append("; ").append(f.pendingReleases()).append(" pending on the ring [")
                .append(time(f.at())).append(']').toString();
    }

    private static String drift(SocketDriftFinding f) {
        return String.format(Locale.ROOT, "%+d kernel sockets in %s (%d -> %d) while socket fds %d -> %d and"
                        + " slot-held sockets %d -> %d%s [%s]", f.growth(), duration(f.windowNanos()),
                f.socketsUsedStart(), f.socketsUsedEnd(), f.socketFdsStart(), f.socketFdsEnd(),
                f.slotHeldSocketsStart(), f.slotHeldSocketsEnd(), f.unheldSockets() < 0 ? ""
                        : "; " + f.unheldSockets() + " accepted connections held where nobody sees them",
                time(f.at()));
    }

    private static String untracked(UntrackedRingFinding f) {
        StringBuilder text = new StringBuilder(f.ringFd() >= 0 ? "ring fd " + f.ringFd() : "no ring fd");
        if (f.sqThreadTid() >= 0) {
            text.append(", iou-sqp tid ").append(f.sqThreadTid());
        }
        if (f.occupiedSlots() >= 0) {
            text.append(", ").append(count(f.occupiedSlots(), "occupied slot", "occupied slots"));
        }
        if (!f.fdinfo().isEmpty()) {
            text.append(" (").append(f.fdinfo()).append(')');
        }
        return text.append(" [").append(time(f.at())).append(']').toString();
    }

    private void timeline(RingActivity rings, SlotActivity slots) {
        section("TIMELINE", "");
        String before = rings.openBeforeRecording() == 0 ? ""
                : " (" + rings.openBeforeRecording() + " of them open before the recording started)";
        detail("rings", rings.created() + " created, " + rings.closed() + " closed" + before + "; peak "
                + rings.peakLive() + " live" + (rings.peakAt() == null ? "" : " at " + time(rings.peakAt()))
                + "; " + rings.openAtEnd() + " still open at the end");
        for (OpenRing ring : rings.stillOpen().items()) {
            out.println(DETAIL + "           " + openRing(ring));
        }
        if (rings.stillOpen().more() > 0) {
            out.println(DETAIL + "           ... and " + rings.stillOpen().more() + " more (--top 0 shows all)");
        }
        if (!slots.recorded()) {
            detail("slots", "not recorded: no FileSlotUpdated events, and the recording's settings did not turn them"
                    + " on (ringwatch.jfc and the agent's jfr= leave them off); record with ringwatch-profile.jfc to"
                    + " count registrations and releases");
            return;
        }
        detail("slots", slots.registered() + " registered, " + slots.released() + " released, "
                + slots.dropConfirmed() + " drop confirmed; " + slots.occupiedAtEnd() + " occupied at the end; "
                + count(slots.releasesUnconfirmed(), "release", "releases") + " never confirmed");
        if (slots.confirmationDelayMaxNanos() != null) {
            detail("", "kernel confirmed drops after median " + duration(slots.confirmationDelayMedianNanos())
                    + ", max " + duration(slots.confirmationDelayMaxNanos()));
        }
    }

    private static String openRing(OpenRing ring) {
        StringBuilder text = new StringBuilder("ring ").append(ring.ringId()).append(" fd ").append(ring.ringFd());
        if (!ring.setupFlags().isEmpty()) {
            text.append(' ').append(ring.setupFlags());
        }
        text.append(", open ").append(duration(ring.openForNanos())).append(" (since ").append(time(ring.createdAt()))
                .append(')');
        if (!ring.ownerClass().isEmpty()) {
            text.append(", owner ").append(ring.ownerClass());
        }
        if (ring.leaked()) {
            text.append(", LEAKED");
        }
        if (ring.site() != null) {
            text.append("; created at ").append(ring.site());
        }
        return text.toString();
    }

    private void statistics(Statistics stats) {
        if (stats.samples() == 0) {
            section("STATISTICS", "no RingStatistics samples");
            return;
        }
        section("STATISTICS", count(stats.samples(), "RingStatistics sample", "RingStatistics samples") + ", "
                + time(stats.first()) + " .. " + time(stats.last()));
        int width = stats.fields().stream().mapToInt(f -> f.label().length()).max().orElse(10);
        String format = INDENT + "%-" + width + "s  %10s %10s %10s %10s%s%n";
        out.printf(Locale.ROOT, format, "", "first", "last", "min", "max", "");
        for (StatisticsField f : stats.fields()) {
            out.printf(Locale.ROOT, format, f.label(), number(f.first()), number(f.last()), number(f.min()),
                    number(f.max()), f.unknownSamples() == 0 ? "" : "  (" + f.unknownSamples() + " without a kernel reading)");
        }
    }

    private static String number(Long value) {
        return value == null ? "n/a" : value.toString();
    }

    private void exit(ExitSummary exit) {
        if (exit == null) {
            return;
        }
        section("OPEN AT EXIT", time(exit.at()) + (exit.events() > 1 ? " (last of " + exit.events() + ")" : ""));
        out.println(INDENT + count(exit.openRings(), "ring", "rings") + " open (" + exit.sqpollRings() + " SQPOLL), "
                + count(exit.occupiedSlots(), "slot", "slots") + " occupied, "
                + count(exit.pendingReleases(), "release", "releases") + " pending");
        for (String line : exit.summary().items()) {
            out.println(INDENT + INDENT + line);
        }
        if (exit.summary().more() > 0) {
            out.println(INDENT + INDENT + "... and " + exit.summary().more() + " more (--top 0 shows all)");
        }
    }

    private void section(String title, String summary) {
        out.println();
        out.println(summary.isEmpty() ? title : title + ": " + summary);
    }

    private void line(String label, String value) {
        out.printf(Locale.ROOT, "%-10s%s%n", label, value);
    }

    private void detail(String label, String value) {
        out.printf(Locale.ROOT, "%s%-11s%s%n", DETAIL, label, value);
    }

    private <T> void more(Listing<T> listing, String singular, String plural) {
        if (listing.more() > 0) {
            out.println(INDENT + "... and " + listing.more() + " more " + (listing.more() == 1 ? singular : plural)
                    + " (--top 0 shows all)");
        }
    }

    private static String counts(List<ValueCount> values) {
        return values.stream().map(v -> v.value() + " x" + v.count()).collect(Collectors.joining(", "));
    }
}
