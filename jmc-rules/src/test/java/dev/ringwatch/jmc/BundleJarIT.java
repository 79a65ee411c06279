package dev.ringwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The built jar is what JMC's dropins folder needs (an OSGi bundle that contributes to the ruleProvider
 * extension point) and what a class-path engine needs (the ServiceLoader file), and carries nothing of JMC or
 * jfr-events itself. (No OSGi framework runs here: the JMC application is not in the registry.)
 */
class BundleJarIT {

    @Test
    void theJarIsASingletonBundleWithTheRuleProviderContributionAndTheServiceFile() throws Exception {
        Path jar = Path.of(System.getProperty("ringwatch.rules.jar", "target/ringwatch-jmc-rules.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built in the package phase");
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals("2", main.getValue("Bundle-ManifestVersion"));
            assertEquals("dev.ringwatch.jmc.rules;singleton:=true", main.getValue("Bundle-SymbolicName"));
            assertTrue(main.getValue("Bundle-Version").matches("\\d+\\.\\d+\\.\\d+"), main.getValue("Bundle-Version"));
            assertTrue(main.getValue("Require-Bundle").contains("org.openjdk.jmc.flightrecorder.rules"));
            for (String pkg : List.of("org.openjdk.jmc.common.item", "org.openjdk.jmc.flightrecorder.rules",
                    "org.openjdk.jmc.flightrecorder.rules.util")) {
                assertTrue(List.of(main.getValue("Import-Package").split(",")).contains(pkg), pkg);
            }

            String pluginXml = new String(file.getInputStream(file.getEntry("plugin.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(pluginXml.contains("point=\"org.openjdk.jmc.flightrecorder.rules.ruleProvider\""), pluginXml);

            var services = file.getEntry("META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule");
            assertNotNull(services);
            List<String> rules = new String(file.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank()).toList();
            assertEquals(5, rules.size());
            for (String rule : rules) {
                assertNotNull(file.getEntry(rule.replace('.', '/') + ".class"), rule);
            }
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("org/openjdk/")
                    || e.getName().startsWith("dev/ringwatch/jfr/")), "JMC and jfr-events are provided, not copied");
        }
    }
}
