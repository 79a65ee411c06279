package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** House rule, read by the JDK's jdeps from the compiled library: ring-core needs java.* only (no JFR, no agent). */
class DependsOnJdkOnlyTest {

    @Test
    void ringCoreRefersOnlyToJavaPackages() {
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-filter:none", "target/classes");
        assertEquals(0, rc, out.toString());
        Set<String> outside = new TreeSet<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("dev.ringwatch.ring")) {
                outside.add(f[2]);
            }
        }
        assertTrue(outside.contains("java.lang.foreign"), "jdeps read the classes: " + outside);
        outside.removeIf(p -> p.startsWith("java.") || p.startsWith("dev.ringwatch.ring"));
        assertEquals(Set.of(), outside, "ring-core must depend on the JDK's java.* packages only");
    }
}
