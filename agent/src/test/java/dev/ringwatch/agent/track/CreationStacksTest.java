package dev.ringwatch.agent.track;

import dev.ringwatch.programs.CallSite;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreationStacksTest {

    @Test
    void agentFramesAreDroppedAndTheDepthIsCapped() {
        CreationStacks stacks = new CreationStacks(2, 100);
        CreationSite site = CallSite.call(stacks::capture);
        assertEquals(2, site.frames().size());
        assertTrue(site.top().startsWith("dev.ringwatch.programs.CallSite.call("), site.top());
        assertTrue(site.frames().get(1).getClassName().startsWith("dev.ringwatch.agent.track.CreationStacksTest"),
                "frames below the application's are kept, whatever their package: " + site);
    }

    @Test
    void sameSiteIsInterned() {
        CreationStacks stacks = new CreationStacks(8, 100);
        CreationSite a = null;
        for (int i = 0; i < 3; i++) {
            CreationSite s = CallSite.call(stacks::capture);
            if (a == null) {
                a = s;
            }
            assertSame(a, s);
        }
        CreationSite other = CallSite.call(stacks::capture);
        assertNotSame(a, other, "another line is another site");
        assertEquals(2, stacks.distinctSites());
        assertEquals(4, stacks.captured());
    }

    @Test
    void internTableIsBounded() {
        CreationStacks stacks = new CreationStacks(64, 1);
        CreationSite a = CallSite.call(stacks::capture);
        CreationSite[] b = new CreationSite[2];
        for (int i = 0; i < 2; i++) {
            b[i] = CallSite.call(stacks::capture);
        }
        assertEquals(1, stacks.distinctSites());
        assertNotSame(a, b[0]);
        assertEquals(b[0], b[1], "equal");
        assertNotSame(b[0], b[1], "but no longer shared: the table is full");
        assertEquals(CreationStacks.OVERFLOW_FRAMES, b[0].frames().size(), "and cut short");
        assertTrue(a.frames().size() > CreationStacks.OVERFLOW_FRAMES);
    }

    @Test
    void internalClassNames() {
        assertTrue(CreationStacks.isInternal("dev.ringwatch.ring.IoUring"));
        assertTrue(CreationStacks.isInternal("dev.ringwatch.agent.track.Hooks"));
        assertTrue(!CreationStacks.isInternal("dev.ringwatch.sample.Server"));
        assertTrue(!CreationStacks.isInternal("dev.ringwatch.agentx.Foo"));
    }
}
