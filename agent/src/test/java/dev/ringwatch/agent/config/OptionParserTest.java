package dev.ringwatch.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionParserTest {
    private final OptionParser parser = new OptionParser();

    @Test
    void defaults() {
        AgentOptions o = parser.parse(null, new Properties()).options();
        assertTrue(o.enabled());
        assertEquals(SlotStacks.SAMPLED, o.slotStacks());
        assertEquals(1024, o.sampleInterval());
        assertEquals(32, o.stackDepth());
        assertEquals(50_000, o.maxTracked());
        assertFalse(o.reclaim());
        assertNull(o.jsonLog());
        assertNull(o.jfr());
        assertEquals(Level.INFO, o.logLevel());
        assertTrue(o.jmx());
        assertTrue(o.exitSummary());
        assertEquals(o, parser.defaults());
    }

    @Test
    void changedNamesOnlyWhatDiffersFromTheDefaultsInTableOrderAsWritten() {
        Properties props = new Properties();
        props.setProperty("ringwatch.logLevel", "DEBUG");
        OptionParser.Parsed p = parser.parse("reconcilePeriod=500ms,reclaim=true,jmx=true,slotStacks=all,jsonLog=", props);
        assertEquals(List.of("slotStacks=all", "reclaim=true", "logLevel=debug", "reconcilePeriod=500ms"), p.changed(),
                "jmx=true and an empty jsonLog are the defaults");
        assertEquals(List.of(), parser.parse(null, new Properties()).changed());
        assertEquals(List.of("pileUpWindow=2m"), parser.parse("pileUpWindow=120s", new Properties()).changed());
    }

    @Test
    void agentArgumentPairs(@TempDir Path dir) {
        OptionParser.Parsed p = parser.parse(" slotStacks=ALL , sampleInterval=1_000,reclaim=true,logLevel=Debug,jsonLog="
                + dir.resolve("a.jsonl") + ",", new Properties());
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertEquals(SlotStacks.ALL, p.options().slotStacks());
        assertEquals(1000, p.options().sampleInterval());
        assertTrue(p.options().reclaim());
        assertEquals(Level.DEBUG, p.options().logLevel());
        assertEquals(dir.resolve("a.jsonl").toAbsolutePath(), p.options().jsonLog());
    }

    @Test
    void precedenceFileThenArgumentThenSystemProperties(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.json");
        Files.writeString(cfg, "{\"slotStacks\": \"off\", \"sampleInterval\": 7, \"maxTracked\": 100, \"reclaim\": true}");
        Properties props = new Properties();
        props.setProperty("ringwatch.sampleInterval", "9");
        props.setProperty("unrelated.key", "x");
        OptionParser.Parsed p = parser.parse("config=" + cfg + ",slotStacks=all,sampleInterval=8", props);
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertEquals(SlotStacks.ALL, p.options().slotStacks());   // argument over file
        assertEquals(9, p.options().sampleInterval());            // -D over argument
        assertEquals(100, p.options().maxTracked());              // file over default
        assertTrue(p.options().reclaim());                        // JSON boolean
    }

    @Test
    void configPathFromSystemPropertyWins(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, "{\"stackDepth\": 5}");
        Files.writeString(b, "{\"stackDepth\": 6}");
        Properties props = new Properties();
        props.setProperty("ringwatch.config", b.toString());
        assertEquals(6, parser.parse("config=" + a, props).options().stackDepth());
    }

    @Test
    void unknownKeyIsNamedWithTheValidOnesAndASuggestion() {
        OptionParser.Parsed p = parser.parse("slotstack=all", new Properties());
        assertEquals(1, p.problems().size());
        String line = p.problems().get(0);
        assertTrue(line.startsWith("ringwatch: unknown option 'slotstack' (from agent argument) (did you mean slotStacks?);"
                + " valid options: config, enabled, slotStacks, sampleInterval, stackDepth, maxTracked, reclaim, jsonLog,"
                + " jfr, logLevel, jmx, exitSummary, reconcile, reconcilePeriod, stallGrace, driftThreshold, logBurst, logPeriod,"
                + " pileUpThreshold, pileUpWindow; ignored"),
                line);
        assertEquals(SlotStacks.SAMPLED, p.options().slotStacks());
    }

    @Test
    void unknownSystemPropertyIsNamedToo() {
        Properties props = new Properties();
        props.setProperty("ringwatch.recalim", "true");
        OptionParser.Parsed p = parser.parse(null, props);
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).startsWith("ringwatch: unknown option 'recalim' (from -Dringwatch.recalim)"));
    }

    @Test
    void badValuesKeepTheDefaultAndSaySo() {
        OptionParser.Parsed p = parser.parse("slotStacks=sometimes,sampleInterval=0,stackDepth=x,jmx=yes,logLevel=loud",
                new Properties());
        assertEquals(5, p.problems().size(), p.problems().toString());
        assertEquals("ringwatch: bad value 'sometimes' for option slotStacks (from agent argument): valid: off|sampled|all;"
                + " using the default sampled", p.problems().get(0));
        assertEquals("ringwatch: bad value '0' for option sampleInterval (from agent argument): out of range; valid: an"
                + " integer from 1 to 1073741824; using the default 1024", p.problems().get(1));
        assertTrue(p.problems().get(2).contains("'x' for option stackDepth (from agent argument): not an integer;"));
        assertTrue(p.problems().get(3).contains("'yes' for option jmx (from agent argument): valid: true|false;"));
        assertTrue(p.problems().get(4).contains("valid: off|error|warning|info|debug|trace; using the default info"));
        assertEquals(parser.defaults(), p.options());
    }

    @Test
    void pairWithoutEqualsSignIsNamed() {
        OptionParser.Parsed p = parser.parse("reclaim", new Properties());
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).startsWith("ringwatch: agent argument 'reclaim' is not key=value"));
    }

    @Test
    void nestedJsonValueIsABadValue(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.json");
        Files.writeString(cfg, "{\"slotStacks\": [\"all\"]}");
        OptionParser.Parsed p = parser.parse("config=" + cfg, new Properties());
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).startsWith("ringwatch: bad value '[\"all\"]' for option slotStacks (from config file "),
                p.problems().get(0));
    }

    @Test
    void unreadableOrMalformedConfigFileStopsTheAgent(@TempDir Path dir) throws Exception {
        AgentStartException missing = assertThrows(AgentStartException.class,
                () -> parser.parse("config=" + dir.resolve("none.json"), new Properties()));
        assertTrue(missing.getMessage().startsWith("cannot read config file " + dir.resolve("none.json")
                + " (option config from agent argument): NoSuchFileException"), missing.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"slotStacks\": ");
        AgentStartException malformed = assertThrows(AgentStartException.class,
                () -> parser.parse("config=" + bad, new Properties()));
        assertTrue(malformed.getMessage().startsWith("cannot read config file " + bad + " (option config from agent"
                + " argument): not valid JSON at line 1, column "), malformed.getMessage());
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[]");
        assertThrows(AgentStartException.class, () -> parser.parse("config=" + array, new Properties()));
    }

    @Test
    void pathsMustHaveAnExistingDirectory(@TempDir Path dir) {
        OptionParser.Parsed p = parser.parse("jfr=" + dir.resolve("no/such/dir/x.jfr") + ",jsonLog=" + dir,
                new Properties());
        assertEquals(2, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().get(0).contains("directory " + dir.resolve("no/such/dir") + " does not exist"));
        assertTrue(p.problems().get(1).contains(dir + " is a directory"));
        assertNull(p.options().jfr());
        assertNull(p.options().jsonLog());
    }

    @Test
    void reconcilerOptions_defaultsAndDurationsWithUnits() {
        AgentOptions d = parser.parse(null, new Properties()).options();
        assertTrue(d.reconcile());
        assertEquals(java.time.Duration.ofSeconds(5), d.reconcilePeriod());
        assertEquals(java.time.Duration.ofSeconds(10), d.stallGrace());
        assertEquals(64, d.driftThreshold());

        OptionParser.Parsed p = parser.parse("reconcile=false,reconcilePeriod=500ms,stallGrace=2m,driftThreshold=8",
                new Properties());
        assertEquals(List.of(), p.problems());
        assertFalse(p.options().reconcile());
        assertEquals(java.time.Duration.ofMillis(500), p.options().reconcilePeriod());
        assertEquals(java.time.Duration.ofMinutes(2), p.options().stallGrace());
        assertEquals(8, p.options().driftThreshold());
    }

    @Test
    void badDurations_namedWithTheirFormAndDefault() {
        OptionParser.Parsed p = parser.parse("reconcilePeriod=5,stallGrace=fast,reconcilePeriod=1ms", new Properties());
        // the later reconcilePeriod wins in the argument; both bad ones are named
        assertEquals(2, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().get(0).startsWith("ringwatch: bad value '1ms' for option reconcilePeriod (from agent"
                + " argument): out of range; valid: a duration from 10ms to 60m with unit ms, s or m (e.g. 500ms, 5s);"
                + " using the default 5s"), p.problems().get(0));
        assertTrue(p.problems().get(1).contains("'fast' for option stallGrace") && p.problems().get(1).contains(
                "not a duration with a unit"), p.problems().get(1));
        assertEquals(java.time.Duration.ofSeconds(5), p.options().reconcilePeriod());
        assertEquals(java.time.Duration.ofSeconds(10), p.options().stallGrace());
    }

    @Test
    void logLimits_defaultsValuesAndBadOnes() {
        AgentOptions d = parser.parse(null, new Properties()).options();
        assertEquals(5, d.logBurst());
        assertEquals(java.time.Duration.ofSeconds(5), d.logPeriod());
        OptionParser.Parsed p = parser.parse("logBurst=2,logPeriod=1m", new Properties());
        assertEquals(List.of(), p.problems());
        assertEquals(2, p.options().logBurst());
        assertEquals(java.time.Duration.ofMinutes(1), p.options().logPeriod());
        OptionParser.Parsed bad = parser.parse("logBurst=0,logPeriod=10ms", new Properties());
        assertEquals(2, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().get(0).startsWith("ringwatch: bad value '0' for option logBurst (from agent argument):"
                + " out of range; valid: an integer from 1 to 1000000; using the default 5"), bad.problems().get(0));
        assertTrue(bad.problems().get(1).startsWith("ringwatch: bad value '10ms' for option logPeriod"),
                bad.problems().get(1));
        assertEquals(5, bad.options().logBurst());
        assertEquals(java.time.Duration.ofSeconds(5), bad.options().logPeriod());
    }
}
