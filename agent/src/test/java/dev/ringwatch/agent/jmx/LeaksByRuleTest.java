package dev.ringwatch.agent.jmx;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.track.Tracker;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MBean's {@code LeaksByRule} as a JMX client reads it: one item per {@link Rule}, named after the rule in
 * camel case (the names README and the metrics files use), each showing the tracker's count of that rule.
 */
class LeaksByRuleTest {

    @Test
    void everyRuleIsAnItemWithItsOwnCount() throws Exception {
        Tracker tracker = new Tracker(new AgentOptions(true, SlotStacks.ALL, 1, 16, 1000, false, null, null,
                Level.INFO, false, true), ProcView.system());
        for (Rule r : Rule.values()) {
            for (int i = 0; i <= r.ordinal(); i++) { // ordinal + 1 each: a count read under another rule shows
                assertTrue(tracker.claimKernelLeak(r, 0, -1, 0));
            }
        }
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(TrackerMBean.OBJECT_NAME);
        server.registerMBean(new TrackerMBean(tracker), name);
        CompositeData byRule = (CompositeData) server.getAttribute(name, "LeaksByRule");

        Set<String> expected = new TreeSet<>();
        for (Rule r : Rule.values()) {
            String item = item(r);
            expected.add(item);
            assertEquals(r.ordinal() + 1L, byRule.get(item), item);
        }
        assertEquals(expected, new TreeSet<>(byRule.getCompositeType().keySet()), "one item per rule, no other");
        long total = 0;
        for (Rule r : Rule.values()) {
            total += r.ordinal() + 1;
        }
        assertEquals(total, server.getAttribute(name, "LeaksReported"));
    }

    @Test
    void readmeNamesEveryItem() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (Rule r : Rule.values()) {
            assertTrue(readme.contains("`" + item(r) + "`"), "README's metrics list lacks " + item(r));
        }
    }

    /** RING_PILE_UP -> ringPileUp. */
    private static String item(Rule r) {
        StringBuilder b = new StringBuilder();
        for (String word : r.name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return b.toString();
    }
}
