package dev.ringwatch.sample.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private final Options options = new Options("test-cmd")
            .intOption("count", "N", 5, -3, 100, "how many")
            .flag("fast", "go fast")
            .stringOption("name", "NAME", null, "a name");

    @Test
    void defaultsApplyWhenNothingIsGiven() throws UsageException {
        ParsedOptions p = options.parse(new String[0]);
        assertEquals(5, p.intValue("count"));
        assertFalse(p.flag("fast"));
        assertNull(p.string("name"));
        assertFalse(p.helpRequested());
    }

    @Test
    void valuesWithSpaceOrEqualsSignAndNegativeNumbers() throws UsageException {
        ParsedOptions p = options.parse(new String[]{"--count", "-2", "--fast", "--name=ring"});
        assertEquals(-2, p.intValue("count"));
        assertTrue(p.flag("fast"));
        assertEquals("ring", p.string("name"));
        assertEquals(100, options.parse(new String[]{"--count=100"}).intValue("count"));
    }

    @Test
    void helpIsRecognisedAnywhere() throws UsageException {
        assertTrue(options.parse(new String[]{"--count", "3", "-h"}).helpRequested());
        assertTrue(options.parse(new String[]{"--help"}).helpRequested());
    }

    @Test
    void errorsNameTheOption() {
        assertEquals("option --count must be from -3 to 100, got 101",
                assertThrows(UsageException.class, () -> options.parse(new String[]{"--count", "101"})).getMessage());
        assertEquals("option --count needs a value (N)",
                assertThrows(UsageException.class, () -> options.parse(new String[]{"--count", "--fast"})).getMessage());
        assertEquals("option --name needs a non-empty value (NAME)",
                assertThrows(UsageException.class, () -> options.parse(new String[]{"--name="})).getMessage());
        assertEquals("unknown option '--cout'; test-cmd accepts --count, --fast, --name and --help",
                assertThrows(UsageException.class, () -> options.parse(new String[]{"--cout=3"})).getMessage());
        assertEquals("unexpected argument '-x' (options start with --)",
                assertThrows(UsageException.class, () -> options.parse(new String[]{"-x"})).getMessage());
    }

    @Test
    void helpShowsRangesAndDefaults() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        options.printHelp(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String help = buf.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("  --count N    how many [-3..100, default 5]\n"), help);
        assertTrue(help.contains("  --fast       go fast\n"), help);
        assertTrue(help.contains("  --help       show this help and exit\n"), help);
    }
}
