package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.ring.IoUring;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build weaves this build's ring-core (process-classes) and the lookup finds exactly those bytes. */
class PreWovenTest {

    private static byte[] classBytes(String className) throws Exception {
        try (InputStream in = IoUring.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void thisBuildsRingCoreIsPreWovenWithTheHooks() throws Exception {
        for (String c : InstrumentationPoints.BY_CLASS.keySet()) {
            byte[] original = classBytes(c);
            byte[] woven = PreWoven.lookup(c, original);
            assertNotNull(woven, c + " was not woven at build time");
            String text = new String(woven, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("dev/ringwatch/agent/track/Hooks"), c + " calls the hooks");
            assertTrue(woven.length > original.length);
        }
    }

    @Test
    void otherBytesAreNotFound() throws Exception {
        byte[] original = classBytes(InstrumentationPoints.IO_URING);
        byte[] changed = original.clone();
        changed[changed.length - 1] ^= 1;
        assertNull(PreWoven.lookup(InstrumentationPoints.IO_URING, changed));
        assertNull(PreWoven.lookup(InstrumentationPoints.FILE_TABLE, original), "keyed by class name too");
    }

    @Test
    void runtimeWeaveMatchesTheBuildTimeWeave() throws Exception {
        for (String c : InstrumentationPoints.BY_CLASS.keySet()) {
            byte[] original = classBytes(c);
            RingCoreWeaver.Result r = RingCoreWeaver.weave(c, original,
                    RingCoreWeaver.locatorFor(IoUring.class.getClassLoader()));
            assertTrue(r.missing().isEmpty(), r.missing().toString());
            assertArrayEquals(PreWoven.lookup(c, original), r.bytes(), c);
        }
    }
}
