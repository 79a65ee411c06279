package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** House rule, read by the JDK's jdeps from the compiled events: they need the JDK's java.* and jdk.jfr, nothing else. */
class DependsOnJfrOnlyTest {

    @Test
    void eventsReferOnlyToJavaAndJdkJfr() {
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-filter:none", "target/classes");
        assertEquals(0, rc, out.toString());
        Set<String> used = new TreeSet<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("dev.ringwatch.jfr")) {
                used.add(f[2]);
            }
        }
        assertTrue(used.contains("jdk.jfr"), "jdeps read the classes: " + used);
        used.removeIf(p -> p.startsWith("java.") || p.equals("jdk.jfr") || p.equals("dev.ringwatch.jfr"));
        assertEquals(Set.of(), used, "jfr-events must not depend on anything but java.* and jdk.jfr (nor see the agent)");
    }
}
