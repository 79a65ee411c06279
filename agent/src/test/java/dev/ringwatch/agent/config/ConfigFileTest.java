package dev.ringwatch.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config= must never stop the application from starting: only regular, small, strict JSON files are read. */
class ConfigFileTest {
    /** A hang guard, not a speed target: before the fix these reads never returned. */
    private static final Duration NEVER_HANGS = Duration.ofSeconds(30);

    private final OptionParser parser = new OptionParser();

    private String refused(Path file) {
        return assertTimeoutPreemptively(NEVER_HANGS, () -> assertThrows(AgentStartException.class,
                () -> parser.parse("config=" + file, new Properties()))).getMessage();
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("cfg.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        String message = refused(fifo);
        assertEquals("cannot read config file " + fifo + " (option config from agent argument): not a regular file (a FIFO,"
                + " device or socket would block or never end); give the path of a JSON file", message);
    }

    @Test
    void devZeroAndStdinAreRefused() {
        assertTrue(refused(Path.of("/dev/zero")).startsWith("cannot read config file /dev/zero (option config"
                + " from agent argument): not a regular file"));
        // /dev/stdin is a link to whatever fd 0 is: a pipe or terminal here, never a regular file we may read
        if (!Files.isRegularFile(Path.of("/dev/stdin"))) {
            assertTrue(refused(Path.of("/dev/stdin")).contains(": not a regular file"));
        }
    }

    @Test
    void aFileOverOneMebibyteIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[ConfigFile.MAX_BYTES + 1]);
        assertEquals("cannot read config file " + big + " (option config from agent argument): larger than 1 MiB ("
                + (ConfigFile.MAX_BYTES + 1) + " bytes); a config file holds a few options", refused(big));
    }

    @Test
    void trailingGarbageIsAnError(@TempDir Path dir) throws Exception {
        assertNotValidJson(dir, "{\"reclaim\": true} {\"reclaim\": false}", 1, "text after the JSON object");
    }

    @Test
    void duplicateKeysAreAnError(@TempDir Path dir) throws Exception {
        assertNotValidJson(dir, "{\"reclaim\": true,\n \"reclaim\": false}", 2, "duplicate key 'reclaim'");
    }

    /** The refusal is one line naming the file, where in it, and what is wrong. */
    private void assertNotValidJson(Path dir, String json, int line, String why) throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.json"), json);
        String message = refused(cfg);
        assertTrue(message.startsWith("cannot read config file " + cfg + " (option config from agent argument): not valid"
                + " JSON at line " + line + ", column "), message);
        assertTrue(message.contains(why), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void manyUnknownKeysMakeOneLine(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("{\"reclaim\": true");
        for (int i = 0; i < 60_000; i++) {   // 60,000 keep the file under the 1 MiB cap
            json.append(",\"k").append(i).append("\":1");
        }
        Path cfg = dir.resolve("c.json");
        Files.writeString(cfg, json.append('}'));
        OptionParser.Parsed p = parser.parse("config=" + cfg + ",RECLAIM=true", new Properties());
        assertEquals(1, p.problems().size(), () -> p.problems().size() + " lines");
        String line = p.problems().get(0);
        assertTrue(line.startsWith("ringwatch: 60001 unknown options ignored: 'RECLAIM' (from agent argument)"
                + " (did you mean reclaim?), 'k0' (from config file " + cfg + "), 'k1'"), line);
        assertTrue(line.contains(" and 59996 more; valid options: config, enabled,"), line);
        assertTrue(p.options().reclaim());
    }
}
