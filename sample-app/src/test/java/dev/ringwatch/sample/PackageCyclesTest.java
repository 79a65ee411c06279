package dev.ringwatch.sample;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** House rule as a test: the sample app's packages point one way (jdeps -verbose:package finds no cycle). */
class PackageCyclesTest {
    private static final String ROOT = "dev.ringwatch.sample";

    @Test
    void samplePackagesHaveNoCycle() throws Exception {
        Map<String, Set<String>> edges = packageEdges();
        assertTrue(edges.size() > 3, "jdeps found too few packages to judge: " + edges);
        List<String> cycle = findCycle(edges);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
    }

    private static Map<String, Set<String>> packageEdges() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-filter:none", "--ignore-missing-deps", classes.toString());
        assertEquals(0, rc, out.toString());
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 3 && cols[1].equals("->") && cols[0].startsWith(ROOT) && cols[2].startsWith(ROOT)
                    && !cols[0].equals(cols[2])) {
                edges.computeIfAbsent(cols[0], k -> new TreeSet<>()).add(cols[2]);
                edges.computeIfAbsent(cols[2], k -> new TreeSet<>());
            }
        }
        return edges;
    }

    /** A cycle as a path whose first and last package are the same, or an empty list. */
    private static List<String> findCycle(Map<String, Set<String>> edges) {
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, edges, path, done)) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean visit(String pkg, Map<String, Set<String>> edges, List<String> path, Set<String> done) {
        int at = path.indexOf(pkg);
        if (at >= 0) {
            path.subList(0, at).clear();
            path.add(pkg);
            return true;
        }
        if (done.contains(pkg)) {
            return false;
        }
        path.add(pkg);
        for (String next : edges.getOrDefault(pkg, Set.of())) {
            if (visit(next, edges, path, done)) {
                return true;
            }
        }
        path.removeLast();
        done.add(pkg);
        return false;
    }
}
