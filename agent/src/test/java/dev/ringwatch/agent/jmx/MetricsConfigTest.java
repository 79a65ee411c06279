package dev.ringwatch.agent.jmx;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * agent/metrics/*.yaml against the MBean they read: every attribute they name exists, every metric is named
 * ringwatch_*, and both files offer the same metrics. (The Prometheus file also runs in the real exporter:
 * PrometheusJmxIT, the OpenTelemetry one in the OpenTelemetry Java agent: OtelJmxIT.)
 */
class MetricsConfigTest {
    private static final Path METRICS = Path.of("metrics");
    private static final Set<String> OTEL_TYPES = Set.of("counter", "updowncounter", "gauge");

    @Test
    void otelRulesMapOnlyRealAttributesToRingwatchMetrics() throws IOException {
        Map<String, Object> config = load("otel-jmx.yaml");
        List<Map<String, Object>> rules = list(config.get("rules"));
        assertEquals(1, rules.size());
        Map<String, Object> rule = rules.get(0);
        assertEquals(TrackerMBean.OBJECT_NAME, rule.get("bean"));
        String prefix = (String) rule.get("prefix");
        assertEquals("ringwatch_", prefix);
        Map<String, Map<String, Object>> mapping = map(rule.get("mapping"));
        Set<String> byRuleItems = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> e : mapping.entrySet()) {
            String attribute = e.getKey();
            Map<String, Object> metric = e.getValue();
            assertTrue(OTEL_TYPES.contains(metric.get("type")), attribute + ": type " + metric.get("type"));
            assertTrue(metric.get("desc") instanceof String d && !d.isBlank(), attribute + " has no desc");
            assertTrue(((String) metric.get("metric")).matches("[a-z_]+"), attribute + ": " + metric.get("metric"));
            if (attribute.startsWith("LeaksByRule.")) {
                String item = attribute.substring("LeaksByRule.".length());
                byRuleItems.add(item);
                assertEquals("leaks", metric.get("metric"));
                assertEquals("counter", metric.get("type"));
                Map<String, Object> attributes = map(metric.get("metricAttribute"));
                assertEquals("const(" + item + ")", attributes.get("rule"), "the Prometheus file's rule label");
            } else {
                assertTrue(mxBeanAttributes().contains(attribute), attribute + " is no attribute of TrackerMXBean");
            }
        }
        assertEquals(itemsOf(LeaksByRule.class), byRuleItems, "every rule of LeaksByRule is mapped");
    }

    @Test
    void prometheusRulesMatchRealAttributesAndBothFilesOfferTheSameMetrics() throws IOException {
        Map<String, Object> config = load("prometheus-jmx.yaml");
        assertEquals(List.of(TrackerMBean.OBJECT_NAME), config.get("includeObjectNames"));
        Set<String> promNames = new TreeSet<>();
        Set<String> matched = new TreeSet<>();
        List<Map<String, Object>> promRules = list(config.get("rules"));
        for (Map<String, Object> rule : promRules) {
            String name = (String) rule.get("name");
            assertTrue(name.startsWith("ringwatch_"), name);
            promNames.add(name);
            Pattern pattern = Pattern.compile((String) rule.get("pattern"));
            for (String attribute : mxBeanAttributes()) {
                if (pattern.matcher("dev.ringwatch<type=Tracker><>" + attribute + ": 1").matches()) {
                    matched.add(attribute);
                }
            }
            for (String item : itemsOf(LeaksByRule.class)) {
                Matcher m = pattern.matcher("dev.ringwatch<type=Tracker><LeaksByRule>" + item + ": 1");
                if (m.matches()) {
                    matched.add("LeaksByRule." + item);
                }
            }
        }
        Set<String> otelNames = new TreeSet<>();
        List<Map<String, Object>> otelRules = list(load("otel-jmx.yaml").get("rules"));
        Map<String, Map<String, Object>> otelMapping = map(otelRules.get(0).get("mapping"));
        otelMapping.forEach((attribute, metric) -> {
            otelNames.add("ringwatch_" + metric.get("metric"));
            assertTrue(matched.contains(attribute), attribute + " is in otel-jmx.yaml but not in prometheus-jmx.yaml");
        });
        Set<String> promOnly = new TreeSet<>(promNames);
        promOnly.removeAll(otelNames);
        assertEquals(Set.of("ringwatch_reclaimed"), promOnly, "metrics only the Prometheus file offers");
    }

    private static Set<String> mxBeanAttributes() {
        Set<String> names = new TreeSet<>();
        for (Method m : TrackerMXBean.class.getMethods()) {
            if (m.getName().startsWith("get") && m.getReturnType() != LeaksByRule.class) {
                names.add(m.getName().substring(3));
            }
        }
        return names;
    }

    /** The CompositeData item names an MXBean gives a bean type: its getters, decapitalised. */
    private static Set<String> itemsOf(Class<?> type) {
        Set<String> items = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().startsWith("get") && m.getParameterCount() == 0
                    && java.lang.reflect.Modifier.isPublic(m.getModifiers())
                    && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                String n = m.getName().substring(3);
                items.add(Character.toLowerCase(n.charAt(0)) + n.substring(1));
            }
        }
        return items;
    }

    private static Map<String, Object> load(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(METRICS.resolve(file))) {
            return new Yaml().load(r);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object o) {
        return (Map<String, V>) o;
    }
}
