package dev.ringwatch.agent.it;

import dev.ringwatch.agent.config.OptionParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar: manifest, relocation, no stray module descriptors, a usable Main. */
class AgentJarIT {

    @Test
    void manifestNamesTheAgentEntryPoints() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertEquals("dev.ringwatch.agent.RingwatchAgent", a.getValue("Premain-Class"));
            assertEquals("dev.ringwatch.agent.RingwatchAgent", a.getValue("Agent-Class"));
            assertEquals("dev.ringwatch.agent.Main", a.getValue("Main-Class"));
            assertEquals("true", a.getValue("Can-Retransform-Classes"));
        }
    }

    @Test
    void librariesAreRelocatedAndRingCoreIsNotShaded() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            for (String n : names) {
                boolean ok = n.startsWith("dev/ringwatch/agent/") || n.startsWith("dev/ringwatch/jfr/")
                        || n.startsWith("META-INF/") || n.equals("dev/") || n.equals("dev/ringwatch/");
                assertTrue(ok, "unexpected entry " + n);
                assertTrue(!n.endsWith("module-info.class"), n);
                assertTrue(!n.startsWith("META-INF/versions/"), n);
            }
            assertTrue(names.contains("dev/ringwatch/agent/shaded/net/bytebuddy/asm/Advice.class"));
            assertTrue(names.contains("dev/ringwatch/agent/shaded/com/fasterxml/jackson/databind/ObjectMapper.class"));
            assertTrue(names.contains("dev/ringwatch/jfr/RingLeakEvent.class"));
            assertTrue(names.contains("dev/ringwatch/jfr/ringwatch.jfc"));
            assertTrue(names.stream().noneMatch(n -> n.startsWith("dev/ringwatch/ring/")), "ring-core is never shaded");
            assertTrue(names.stream().anyMatch(n -> n.startsWith("META-INF/ringwatch/prewoven/dev.ringwatch.ring.IoUring-")));
        }
    }

    @Test
    void javaDashJarPrintsUsageWithEveryOption() throws Exception {
        Path dir = ChildJvm.runDir("jar-main");
        Path out = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ChildJvm.agentJar().toString()).redirectOutput(out.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String usage = java.nio.file.Files.readString(out);
        assertTrue(usage.contains("-javaagent:ringwatch-agent.jar"), usage);
        for (OptionParser.Spec s : OptionParser.specs()) {
            assertTrue(usage.contains("  " + s.key() + " "), s.key() + " in\n" + usage);
        }
    }
}
