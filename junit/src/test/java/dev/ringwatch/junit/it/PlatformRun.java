package dev.ringwatch.junit.it;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child JVM's main: runs the named test classes through the JUnit Platform Launcher of whatever JUnit
 * version is on its class path and prints one line per finished test or container and per report entry:
 * {@code RESULT <status> <test|container> <unique id> <base64 message>} and {@code ENTRY <unique id> <key>=<value>}.
 * Arguments: {@code key=value} configuration parameters, then class names.
 */
public final class PlatformRun {
    private PlatformRun() {
    }

    public static void main(String[] args) {
        Map<String, String> config = new LinkedHashMap<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                config.put(a.substring(0, eq), a.substring(eq + 1));
            } else {
                request.selectors(DiscoverySelectors.selectClass(a));
            }
        }
        LauncherDiscoveryRequest built = request.configurationParameters(config).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(built, new Printer());
        System.out.flush();
    }

    private static final class Printer implements TestExecutionListener {
        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
            System.out.println("RESULT " + result.getStatus() + " " + (id.isTest() ? "test" : "container") + " "
                    + id.getUniqueId() + " " + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            System.out.println("RESULT SKIPPED " + (id.isTest() ? "test" : "container") + " " + id.getUniqueId() + " -");
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((k, v) -> System.out.println("ENTRY " + id.getUniqueId() + " " + k + "=" + v));
        }
    }
}
