package dev.ringwatch.junit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which window a resource belongs to, by the thread that opened it (plain values: no agent needed). */
class AttributionTest {
    private static final RunningWindows LEVEL = RunningWindows.TESTS;

    private static OpenResource ringOn(String key, String thread) {
        return new OpenResource(key, "ring", "ring-core", 5, false, "none", -1, -1, -1, null, true, false, thread,
                0L, List.of(), List.of());
    }

    @Test
    void aResourceOfTheWindowsThreadOrOfNoTestsThreadIsItsWhenNothingRanBeside() {
        Window w = LEVEL.open(new Window(new Object(), "main", "A.a()", false));
        try {
            List<OpenResource> ours = Attribution.ours(List.of(ringOn("r1", "main"), ringOn("r2", "pool-1")), w, LEVEL,
                    Set.of());
            assertEquals(List.of("r1", "r2"), ours.stream().map(OpenResource::key).toList());
        } finally {
            LEVEL.close(w);
        }
    }

    @Test
    void inParallelAnotherTestsThreadIsThatTestsAndAThreadOfNoTestIsNobodysHere() {
        Window a = LEVEL.open(new Window(new Object(), "worker-1", "A.a()", false));
        Window b = LEVEL.open(new Window(new Object(), "worker-2", "B.b()", false));
        try {
            List<OpenResource> opened = List.of(ringOn("a1", "worker-1"), ringOn("b1", "worker-2"),
                    ringOn("x1", "pool-1"));
            assertEquals(List.of("a1"), Attribution.ours(opened, a, LEVEL, Set.of()).stream().map(OpenResource::key).toList());
            assertEquals(List.of("b1"), Attribution.ours(opened, b, LEVEL, Set.of()).stream().map(OpenResource::key).toList());
        } finally {
            LEVEL.close(a);
            LEVEL.close(b);
        }
    }

    @Test
    void aResourceReportedOnceIsNotReportedAgain() {
        Window w = LEVEL.open(new Window(new Object(), "main", "A", true));
        try {
            assertEquals(List.of(), Attribution.ours(List.of(ringOn("r1", "main")), w, LEVEL, Set.of("r1")));
        } finally {
            LEVEL.close(w);
        }
    }
}
