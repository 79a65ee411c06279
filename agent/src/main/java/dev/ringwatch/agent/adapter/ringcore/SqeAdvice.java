package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into the application's {@code Sqe} preps of long-lived operations on a fixed file (polls,
 * multishot accepts): on kernels before 6.13 the oldest of them holds back every later slot release of its
 * ring, so the tracker remembers them for the "slot release stalled" report. Only these four preps are
 * woven; every other op (NOP, read, write, recv, send, ...) stays as it is. The user data is set after the
 * prep in a chain and is not recorded: that would mean weaving {@code userData}, which every op calls.
 */
public final class SqeAdvice {
    private SqeAdvice() {
    }

    /**
     * {@code Sqe pollAdd, pollMultishot, acceptMultishot} and {@code acceptMultishotDirect(FixedFile, int)}, each
     * with its own {@code op} bound in by the weaver (see {@code InstrumentationPoints}). acceptMultishotDirect
     * preps through acceptMultishot: its exit comes last, so its op replaces that one's.
     */
    public static final class InFlightArmed {
        private InFlightArmed() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("ring") IoUring ring, @Advice.Argument(0) FixedFile file,
                         @ArmedOp int op) {
            Hooks.inFlightArmed(ring.id(), file.slot(), op);
        }
    }
}
