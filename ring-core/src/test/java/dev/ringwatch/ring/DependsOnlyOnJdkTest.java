package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** House rule as a test: ring-core's classes use nothing but the JDK's public java.* API. */
class DependsOnlyOnJdkTest {
    @Test
    void ringCoreDependsOnlyOnJavaPackages() throws Exception {
        Path classes = Path.of(IoUring.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", classes.toString());
        assertEquals(0, rc, out.toString());
        List<String> targets = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 3 && cols[1].equals("->")) {
                targets.add(cols[2]);
            }
        }
        assertFalse(targets.isEmpty(), "jdeps listed no dependencies at all: " + out);
        List<String> outside = targets.stream()
                .filter(t -> !t.startsWith("java.") && !t.equals("dev.ringwatch.ring") && !t.startsWith("dev.ringwatch.ring."))
                .distinct().toList();
        assertTrue(outside.isEmpty(), "ring-core depends on packages other than java.* and its own: " + outside);
    }
}
