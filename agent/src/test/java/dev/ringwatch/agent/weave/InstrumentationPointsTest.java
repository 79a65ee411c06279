package dev.ringwatch.agent.weave;

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
        assertEquals(5, points, "ring-core's five instrumentation points");
    }

    @Test
    void transformerTargetsExactlyTheTwoRingCoreClasses() {
        assertTrue(RingCoreTransformer.isTarget("dev/ringwatch/ring/IoUring"));
        assertTrue(RingCoreTransformer.isTarget("dev/ringwatch/ring/FileTable"));
        assertFalse(RingCoreTransformer.isTarget("dev/ringwatch/ring/FixedFile"));
        assertFalse(RingCoreTransformer.isTarget("dev/ringwatch/agent/Hooks"));
        assertFalse(RingCoreTransformer.isTarget(null));
        assertEquals(null, new RingCoreTransformer().transform(null, null, "java/lang/String", null, null, new byte[0]));
    }
}
