package dev.ringwatch.agent;

import dev.ringwatch.agent.config.OptionParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void usageNamesEveryOptionWithItsChoices() {
        String usage = Main.usage();
        assertTrue(usage.contains("precedence, lowest first: defaults, config file, agent argument, -Dringwatch.<key>"));
        for (OptionParser.Spec s : OptionParser.specs()) {
            assertTrue(usage.contains("  " + s.key() + " ") && usage.contains(s.choices()), s.key());
        }
    }
}
