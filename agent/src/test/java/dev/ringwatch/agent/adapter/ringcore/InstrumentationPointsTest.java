package dev.ringwatch.agent.adapter.ringcore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentationPointsTest {

    @Test
    void adviceClassesNamedByStringExist() {
        int points = 0;
        for (var e : InstrumentationPoints.BY_CLASS.entrySet()) {
            for (InstrumentationPoints.Point p : e.getValue()) {
                assertNotNull(getClass().getClassLoader().getResource(p.advice().replace('.', '/') + ".class"), p.advice());
                points++;
            }
        }
        assertEquals(9, points, "ring-core's five lifecycle points and four long-lived fixed-file op preps");
    }

    @Test
    void transformerTargetsExactlyTheThreeRingCoreClasses() {
        assertTrue(RingCoreTransformer.isTarget("dev/ringwatch/ring/IoUring"));
        assertTrue(RingCoreTransformer.isTarget("dev/ringwatch/ring/FileTable"));
        assertTrue(RingCoreTransformer.isTarget("dev/ringwatch/ring/Sqe"));
        assertFalse(RingCoreTransformer.isTarget("dev/ringwatch/ring/FixedFile"));
        assertFalse(RingCoreTransformer.isTarget("dev/ringwatch/agent/Hooks"));
        assertFalse(RingCoreTransformer.isTarget(null));
        assertEquals(null, new RingCoreTransformer().transform(null, null, "java/lang/String", null, null, new byte[0]));
    }

    @Test
    void sqePointsMatchOnlyTheFixedFileOverloadsOfTheFourLongLivedOps() {
        var type = net.bytebuddy.description.type.TypeDescription.ForLoadedType.of(dev.ringwatch.ring.Sqe.class);
        java.util.List<String> matched = new java.util.ArrayList<>();
        for (var m : type.getDeclaredMethods()) {
            for (InstrumentationPoints.Point p : InstrumentationPoints.BY_CLASS.get(InstrumentationPoints.SQE)) {
                if (p.matcher().matches(m)) {
                    matched.add(m.getName() + "(" + m.getParameters().get(0).getType().asErasure().getSimpleName() + ")");
                }
            }
        }
        java.util.Collections.sort(matched);
        assertEquals(java.util.List.of("acceptMultishot(FixedFile)", "acceptMultishotDirect(FixedFile)",
                "pollAdd(FixedFile)", "pollMultishot(FixedFile)"), matched,
                "no fd overload, no other op (nop, read, write, recv, send stay unwoven)");
    }
}
