package dev.ringwatch.junit.it;

import dev.ringwatch.junit.fixtures.ClassOwnedFixture;
import dev.ringwatch.junit.fixtures.CleanFixture;
import dev.ringwatch.junit.fixtures.InstanceFieldFixture;
import dev.ringwatch.junit.fixtures.LeakyFixture;
import dev.ringwatch.junit.fixtures.MethodLevelFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture classes under the real agent and real rings, on each JUnit version (5.14 and 6.0 console-standalone
 * jars in a child JVM): which tests and classes fail, what the failures say, and that a shuffled order (methods and
 * classes, two seeds) changes nothing.
 */
class LeakCheckIT {
    private static final String LEAKY = "[class:" + LeakyFixture.class.getName() + "]";
    private static final String CLASS_OWNED = "[class:" + ClassOwnedFixture.class.getName() + "]";
    private static final String CLEAN = "[class:" + CleanFixture.class.getName() + "]";
    private static final String METHOD_LEVEL = "[class:" + MethodLevelFixture.class.getName() + "]";
    private static final String INSTANCE_FIELD = "[class:" + InstanceFieldFixture.class.getName() + "]";
    private static final List<String> FIXTURES = List.of(LeakyFixture.class.getName(), ClassOwnedFixture.class.getName(),
            CleanFixture.class.getName(), MethodLevelFixture.class.getName(), InstanceFieldFixture.class.getName());

    private static final Map<String, PlatformResults> IN_ORDER = new HashMap<>();

    static Stream<String> versions() {
        return Stream.of(System.getProperty("ringwatch.junit.versions", "5.14.4,6.0.3").split(","));
    }

    /** Suffix of a unique id to the status it must have. */
    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LEAKY, "SUCCESSFUL");
        m.put(LEAKY + "/[method:leavesRingOpen()]", "FAILED");
        m.put(LEAKY + "/[method:leavesSqpollRingOpen()]", "FAILED");
        m.put(LEAKY + "/[method:leavesSlotOpen()]", "FAILED");
        m.put(LEAKY + "/[method:closesEverything()]", "SUCCESSFUL");
        m.put(LEAKY + "/[method:usesTheClassRingAndReleasesItsSlot()]", "SUCCESSFUL");
        m.put(LEAKY + "/[method:closesOnAnotherThreadSoonAfter()]", "SUCCESSFUL");
        m.put(LEAKY + "/[method:opensOnAnotherThreadAndLeavesItOpen()]", "FAILED");
        m.put(LEAKY + "/[method:dropsTheOwnerOfAnOpenRing()]", "FAILED");
        m.put(LEAKY + "/[method:closesARingOtherCodeStillMaps()]", "FAILED");
        m.put(LEAKY + "/[test-template:leaksWhenAsked(boolean)]/[test-template-invocation:#1]", "SUCCESSFUL");
        m.put(LEAKY + "/[test-template:leaksWhenAsked(boolean)]/[test-template-invocation:#2]", "FAILED");
        String repeated = LEAKY + "/[test-template:leaksOnSecondRepetition(org.junit.jupiter.api.RepetitionInfo)]";
        m.put(repeated + "/[test-template-invocation:#1]", "SUCCESSFUL");
        m.put(repeated + "/[test-template-invocation:#2]", "FAILED");
        m.put(repeated + "/[test-template-invocation:#3]", "SUCCESSFUL");
        m.put(CLASS_OWNED, "FAILED");
        m.put(CLASS_OWNED + "/[method:usesTheClassRings()]", "SUCCESSFUL");
        m.put(CLASS_OWNED + "/[method:usesNeverClosed()]", "SUCCESSFUL");
        m.put(CLEAN, "SUCCESSFUL");
        m.put(METHOD_LEVEL + "/[method:checkedLeak()]", "FAILED");
        m.put(METHOD_LEVEL + "/[method:uncheckedLeak()]", "SUCCESSFUL");
        m.put(INSTANCE_FIELD, "SUCCESSFUL");
        m.put(INSTANCE_FIELD + "/[method:closesTheFieldRing()]", "SUCCESSFUL");
        m.put(INSTANCE_FIELD + "/[method:leavesTheFieldRing()]", "FAILED");
        return m;
    }

    @ParameterizedTest
    @MethodSource("versions")
    void failsExactlyTheLeakingTestsAndClassesNamingWhereEachResourceWasOpened(String version) throws Exception {
        PlatformResults r = inOrder(version);

        expected().forEach((suffix, status) -> assertEquals(status, r.outcome(suffix).status(), suffix + "; " + r.where()));
        assertEquals(10, r.outcomes().values().stream().filter(o -> o.test() && o.status().equals("FAILED")).count(),
                "exactly the 10 leaking tests fail; " + r.where());
        assertTrue(r.outcomes().keySet().stream().anyMatch(id -> id.contains(CLEAN + "/[test-template:nops(int)]")),
                "parameterized clean tests ran; " + r.where());
        r.outcomes().forEach((id, o) -> {
            if (id.contains(CLEAN)) {
                assertEquals("SUCCESSFUL", o.status(), id + ": " + o.message());
            }
        });

        String sqpoll = r.outcome(LEAKY + "/[method:leavesSqpollRingOpen()]").message();
        assertTrue(sqpoll.startsWith("ringwatch: LeakyFixture.leavesSqpollRingOpen() left 1 io_uring resource open"), sqpoll);
        assertTrue(sqpoll.contains("1. SQPOLL ring fd="), sqpoll);
        assertTrue(sqpoll.matches("(?s).*SQPOLL, iou-sqp thread \\d+, flags SQPOLL.*"), sqpoll);
        assertTrue(sqpoll.contains("opened on thread \"main\" at\n        " + LeakyFixture.class.getName()
                + ".leavesSqpollRingOpen(LeakyFixture.java:"), sqpoll);
        assertTrue(sqpoll.contains("fix: close it before the test ends"), sqpoll);

        String plain = r.outcome(LEAKY + "/[method:leavesRingOpen()]").message();
        assertTrue(plain.contains("1. ring fd=") && plain.contains("(not SQPOLL, flags"), plain);
        assertTrue(plain.contains(".leavesRingOpen(LeakyFixture.java:"), plain);

        String slot = r.outcome(LEAKY + "/[method:leavesSlotOpen()]").message();
        assertTrue(slot.contains("left 1 io_uring resource open"), "only the slot, not the class's ring: " + slot);
        assertTrue(slot.matches("(?s).*1\\. fixed-file slot 0 of ring fd=\\d+ \\(not SQPOLL\\) holding fd=\\d+ socket:\\[\\d+].*"),
                slot);
        assertTrue(slot.contains(".leavesSlotOpen(LeakyFixture.java:"), slot);
        assertTrue(slot.contains("fix: release it before the test ends: slot.close()"), slot);

        String otherThread = r.outcome(LEAKY + "/[method:opensOnAnotherThreadAndLeavesItOpen()]").message();
        assertTrue(otherThread.contains("opened on thread \"fixture-worker\""), otherThread);

        String reported = r.outcome(LEAKY + "/[method:dropsTheOwnerOfAnOpenRing()]").message();
        assertTrue(reported.contains("1. ring fd=") && reported.contains("already reported by the agent as leaked"), reported);
        assertTrue(reported.contains(".dropsTheOwnerOfAnOpenRing(LeakyFixture.java:"), reported);

        String mapped = r.outcome(LEAKY + "/[method:closesARingOtherCodeStillMaps()]").message();
        assertTrue(mapped.contains("1. SQPOLL ring fd=") && mapped.contains("closed but reported by the agent as leaked"),
                mapped);
        assertTrue(mapped.contains(".closesARingOtherCodeStillMaps(LeakyFixture.java:"), mapped);
        assertTrue(mapped.contains("fix: the ring was closed, yet the agent found it alive"), mapped);

        String parameterized = r.outcome(LEAKY + "/[test-template:leaksWhenAsked(boolean)]/[test-template-invocation:#2]")
                .message();
        assertTrue(parameterized.startsWith("ringwatch: LeakyFixture.leaksWhenAsked() [[2] true] left 1"), parameterized);
        assertTrue(parameterized.contains(".leaksWhenAsked(LeakyFixture.java:"), parameterized);

        String classOwned = r.outcome(CLASS_OWNED).message();
        assertTrue(classOwned.startsWith("ringwatch: ClassOwnedFixture (static initialisers, @BeforeAll/@AfterAll, a"
                + " per-class test instance) left 2 io_uring resources open"), classOwned);
        assertTrue(classOwned.contains(ClassOwnedFixture.class.getName() + ".<clinit>(ClassOwnedFixture.java:"), classOwned);
        assertTrue(classOwned.contains(ClassOwnedFixture.class.getName() + ".openRings(ClassOwnedFixture.java:"), classOwned);
        assertTrue(classOwned.contains("fix: close it by the end of @AfterAll"), classOwned);

        String field = r.outcome(INSTANCE_FIELD + "/[method:leavesTheFieldRing()]").message();
        assertTrue(field.contains(InstanceFieldFixture.class.getName() + ".<init>(InstanceFieldFixture.java:"), field);

        String method = r.outcome(METHOD_LEVEL + "/[method:checkedLeak()]").message();
        assertTrue(method.contains(".checkedLeak(MethodLevelFixture.java:"), method);
        assertTrue(r.entries().stream().anyMatch(e -> e.startsWith("[engine:junit-jupiter]/" + CLEAN + " ringwatch=")),
                "a checked clean class says so in a report entry; " + r.where());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aShuffledOrderOfTestsAndClassesChangesNoResult(String version) throws Exception {
        PlatformResults inOrder = inOrder(version);
        List<String> orders = new ArrayList<>();
        for (String seed : List.of("7", "12345")) {
            List<String> args = new ArrayList<>(List.of(
                    "junit.jupiter.testmethod.order.default=org.junit.jupiter.api.MethodOrderer$Random",
                    "junit.jupiter.testclass.order.default=org.junit.jupiter.api.ClassOrderer$Random",
                    "junit.jupiter.execution.order.random.seed=" + seed,
                    "ringwatch.junit.closeWaitMillis=500")); // the late close in the fixtures comes after 200 ms
            args.addAll(FIXTURES);
            PlatformResults shuffled = PlatformChild.run("shuffled-" + seed + "-" + version, version, List.of(), args);
            assertEquals(inOrder.statuses(), sorted(shuffled.statuses(), inOrder.statuses()), shuffled.where());
            orders.add(String.join(",", shuffled.testOrder()));
        }
        assertTrue(orders.stream().anyMatch(o -> !o.equals(String.join(",", inOrder.testOrder()))),
                "the seeds changed the order");
        assertNotEquals(orders.get(0), orders.get(1), "two seeds, two orders");
    }

    /** The fixtures in their default order, run once per version for both tests. */
    private static synchronized PlatformResults inOrder(String version) throws Exception {
        PlatformResults r = IN_ORDER.get(version);
        if (r == null) {
            r = PlatformChild.run("fixtures-" + version, version, List.of(), FIXTURES);
            IN_ORDER.put(version, r);
        }
        return r;
    }

    private static Map<String, String> sorted(Map<String, String> m, Map<String, String> like) {
        Map<String, String> out = new LinkedHashMap<>();
        like.keySet().forEach(k -> out.put(k, m.get(k)));
        m.forEach(out::putIfAbsent);
        return out;
    }
}
