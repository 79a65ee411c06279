package dev.ringwatch.agent.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** OPTIONS.md (the table the README carries) lists every option with its default and choices. */
class OptionsDocTest {

    @Test
    void everyOptionIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("OPTIONS.md")).replace("\\|", "|"); // markdown escapes pipes in cells
        assertTrue(doc.contains("| `" + OptionParser.CONFIG_KEY + "` |"), "config");
        for (OptionParser.Spec s : OptionParser.specs()) {
            String row = "| `" + s.key() + "` | " + (s.defaultValue().isEmpty() ? "(none)" : "`" + s.defaultValue() + "`")
                    + " | " + s.choices() + " |";
            assertTrue(doc.contains(row), "OPTIONS.md lacks the row starting: " + row);
        }
    }
}
