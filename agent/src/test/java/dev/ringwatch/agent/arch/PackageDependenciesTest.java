package dev.ringwatch.agent.arch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's house rules over its compiled classes, read by the JDK's own jdeps: its packages point one
 * way (no cycle), FFM is used only where it is allowed (the libc binding and the ring-core adapter, so the
 * core can later be compiled for JDK 17), ring-core's types only in the ring-core adapter, and every
 * package of every module says what it holds in a package-info.
 */
class PackageDependenciesTest {
    private static final String AGENT = "dev.ringwatch.agent";
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Set<String> MAY_USE_FFM = Set.of(AGENT + ".libc", AGENT + ".adapter.ringcore");
    private static final Set<String> MAY_SEE_RING_CORE = Set.of(AGENT + ".adapter.ringcore");

    /** Package -> packages it refers to, as jdeps reports them. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                "--multi-release", "base", CLASSES.toString());
        assertEquals(0, rc, out.toString());
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith(AGENT)) {
                USES.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
            }
        }
        assertTrue(USES.containsKey(AGENT + ".track"), "jdeps read the classes: " + USES.keySet());
    }

    @Test
    void agentPackagesHaveNoCycle() {
        List<String> cycles = new ArrayList<>();
        for (String from : USES.keySet()) {
            for (String to : agentUses(from)) {
                if (!to.equals(from) && reaches(to, from, new TreeSet<>())) {
                    cycles.add(from + " -> " + to + " -> ... -> " + from);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void ffmOnlyInTheLibcBindingAndTheRingCoreAdapter() {
        USES.forEach((from, to) -> {
            if (!MAY_USE_FFM.contains(from)) {
                assertTrue(!to.contains("java.lang.foreign"), from + " uses java.lang.foreign");
            }
        });
    }

    @Test
    void ringCoreTypesOnlyInItsAdapter() {
        USES.forEach((from, to) -> {
            if (!MAY_SEE_RING_CORE.contains(from)) {
                assertTrue(!to.contains("dev.ringwatch.ring"), from + " uses ring-core's types");
            }
        });
    }

    /** Every module's main packages, not only the agent's (snippet-files and the like are not packages). */
    @Test
    void everyPackageSaysWhatItHolds() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            modules.map(m -> m.resolve(SOURCES)).filter(Files::isDirectory).forEach(roots::add);
        }
        assertTrue(roots.size() >= 7, "the build's modules: " + roots);
        for (Path root : roots) {
            try (Stream<Path> dirs = Files.walk(root)) {
                dirs.filter(Files::isDirectory)
                        .filter(d -> Character.isJavaIdentifierStart(d.getFileName().toString().charAt(0))
                                && d.getFileName().toString().chars().allMatch(Character::isJavaIdentifierPart))
                        .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
                        .forEach(d -> missing.add(d.normalize().toString()));
            }
        }
        assertEquals(List.of(), missing);
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> agentUses(String pkg) {
        Set<String> out = new TreeSet<>();
        for (String to : USES.getOrDefault(pkg, Set.of())) {
            if (to.startsWith(AGENT)) {
                out.add(to);
            }
        }
        return out;
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String to : agentUses(from)) {
            if (!to.equals(from) && reaches(to, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
