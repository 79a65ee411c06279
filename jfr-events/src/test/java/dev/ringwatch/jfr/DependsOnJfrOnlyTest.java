package dev.ringwatch.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** House rule, read by the JDK's jdeps from the compiled events: they need java.* and jdk.jfr, nothing else. */
class DependsOnJfrOnlyTest {

    @Test
    void eventsReferOnlyToJavaAndJdkJfr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        assertEquals(0, ToolProvider.findFirst("jdeps").orElseThrow().run(print, print, "-summary", "-filter:none",
                "target/classes"), out::toString);
        // -summary prints one "<classes> -> <module>" line per module the classes need
        List<String> modules = out.toString().lines().filter(l -> l.contains(" -> "))
                .map(l -> l.substring(l.indexOf(" -> ") + 4).trim()).distinct().sorted().toList();
        assertEquals(List.of("java.base", "jdk.jfr"), modules,
                "jfr-events must depend on java.base and jdk.jfr only (and never see the agent)");
    }
}
