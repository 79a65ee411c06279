package dev.ringwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ringwatch.jmc.programs.CleanRings;
import dev.ringwatch.jmc.programs.LeakyRings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport;
import org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JMC's own headless engine (the rule registry, which finds rules by ServiceLoader from the class path, and
 * its text and HTML reports) on recordings of real programs: leaky and clean under the agent, and one made
 * without the agent.
 */
class RulesOnRecordingsTest {
    private static final String SQPOLL = LeakedSqpollRingsRule.NAME;
    private static final String RINGS = LeakedRingsRule.NAME;
    private static final String SLOTS = LeakedFixedFileSlotsRule.NAME;
    private static final String KERNEL = KernelFindingsRule.NAME;
    private static final String PILE_UP = RingPileUpRule.NAME;
    private static final String LEAKY_SITE = "dev.ringwatch.jmc.programs.LeakyRings.openSqpollRing(LeakyRings.java:";

    private static Path leaky;
    private static Path clean;
    private static Path plain;

    @BeforeAll
    static void record() throws Exception {
        leaky = ProgramRecording.withAgent(LeakyRings.class);
        clean = ProgramRecording.withAgent(CleanRings.class);
        plain = ProgramRecording.withoutAgent(CleanRings.class);
    }

    @Test
    void theRegistryFindsFiveRingwatchRulesBesideJmcsOwn() {
        List<String> ours = RuleRegistry.getRules().stream().map(IRule::getName)
                .filter(n -> n.startsWith("ringwatch")).sorted().toList();
        assertEquals(List.of(KERNEL, SQPOLL, SLOTS, RINGS, PILE_UP), ours);
        assertTrue(RuleRegistry.getRules().size() > 20, "JMC's JDK rules load too");
    }

    @Test
    void aLeakyRecordingWarnsAboutSqpollRingsAndSlotsNamingTheCreationSite() throws Exception {
        Map<String, IResult> results = evaluate(leaky);
        IResult sqpoll = results.get(SQPOLL);
        assertEquals(Severity.WARNING, sqpoll.getSeverity(), sqpoll.getSummary());
        assertTrue(sqpoll.getSummary().startsWith("2 SQPOLL rings leaked (2 owner gone), the oldest "),
                sqpoll.getSummary());
        assertTrue(sqpoll.getSummary().contains("Top creation site: " + LEAKY_SITE), sqpoll.getSummary());
        assertTrue(sqpoll.getSummary().endsWith(" (2 of 2)."), sqpoll.getSummary());
        assertTrue(sqpoll.getSolution().contains("Close every SQPOLL ring"), sqpoll.getSolution());

        IResult rings = results.get(RINGS);
        assertEquals(Severity.INFO, rings.getSeverity(), rings.getSummary());
        assertTrue(rings.getSummary().startsWith("1 ring without SQPOLL leaked (1 owner gone)"), rings.getSummary());
        assertTrue(rings.getSummary().contains("LeakyRings.main(LeakyRings.java:"), rings.getSummary());

        IResult slots = results.get(SLOTS);
        assertEquals(Severity.WARNING, slots.getSeverity(), slots.getSummary());
        assertTrue(slots.getSummary().startsWith("1 fixed-file slot leaked (1 owner gone)"), slots.getSummary());

        assertEquals(Severity.OK, results.get(KERNEL).getSeverity(), results.get(KERNEL).getSummary());
        assertEquals(Severity.NA, results.get(PILE_UP).getSeverity(), "no RingPileUp event type in this recording");
    }

    @Test
    void aCleanRecordingIsOkForEveryRuleWhoseEventsItHas() throws Exception {
        Map<String, IResult> results = evaluate(clean);
        for (String rule : List.of(SQPOLL, RINGS, SLOTS, KERNEL)) {
            assertEquals(Severity.OK, results.get(rule).getSeverity(), rule + ": " + results.get(rule).getSummary());
        }
        assertEquals("No SQPOLL ring leaked in this recording (1 SQPOLL ring created while it ran).",
                results.get(SQPOLL).getSummary());
        assertEquals(Severity.NA, results.get(PILE_UP).getSeverity());
    }

    @Test
    void aRecordingWithoutTheAgentIsNotApplicableForEveryRingwatchRule() throws Exception {
        Map<String, IResult> results = evaluate(plain);
        assertEquals(5, results.size());
        results.forEach((rule, result) -> assertEquals(Severity.NA, result.getSeverity(), rule));
    }

    @Test
    void jmcsTextReportShowsTheWarningAndTheHtmlReportNamesEveryRule() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            JfrRulesReport.printReport("text", Severity.INFO, false, false, leaky.toString());
        } finally {
            System.setOut(out);
        }
        String report = text.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains(SQPOLL), report);
        assertTrue(report.contains("2 SQPOLL rings leaked"), report);

        String html = JfrHtmlRulesReport.createReport(leaky.toFile());
        for (String rule : List.of(SQPOLL, RINGS, SLOTS, KERNEL, PILE_UP)) {
            assertTrue(html.contains(rule), rule + " missing from the HTML report");
        }
    }

    /** Results of the ringwatch rules, by name, as JMC's engine computes them (required events checked first). */
    private static Map<String, IResult> evaluate(Path recording) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
        List<IRule> ours = RuleRegistry.getRules().stream().filter(r -> r.getName().startsWith("ringwatch")).toList();
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(ours, items, null, 1);
        Map<String, IResult> results = new TreeMap<>();
        for (Map.Entry<IRule, Future<IResult>> e : futures.entrySet()) {
            Future<IResult> f = e.getValue();
            if (!f.isDone()) {
                ((Runnable) f).run();
            }
            results.put(e.getKey().getName(), f.get());
        }
        return results;
    }
}
