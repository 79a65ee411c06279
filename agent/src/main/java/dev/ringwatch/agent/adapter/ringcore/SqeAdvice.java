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

    /** {@code Sqe pollAdd(FixedFile, int)}. */
    public static final class PollAdd {
        private PollAdd() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("ring") IoUring ring, @Advice.Argument(0) FixedFile file) {
            Hooks.inFlightArmed(ring.id(), file.slot(), Hooks.OP_POLL);
        }
    }

    /** {@code Sqe pollMultishot(FixedFile, int)}. */
    public static final class PollMultishot {
        private PollMultishot() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("ring") IoUring ring, @Advice.Argument(0) FixedFile file) {
            Hooks.inFlightArmed(ring.id(), file.slot(), Hooks.OP_POLL_MULTISHOT);
        }
    }

    /** {@code Sqe acceptMultishot(FixedFile, int)}. */
    public static final class AcceptMultishot {
        private AcceptMultishot() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("ring") IoUring ring, @Advice.Argument(0) FixedFile file) {
            Hooks.inFlightArmed(ring.id(), file.slot(), Hooks.OP_ACCEPT_MULTISHOT);
        }
    }

    /** {@code Sqe acceptMultishotDirect(FixedFile, int)} (it preps through acceptMultishot: this replaces that). */
    public static final class AcceptMultishotDirect {
        private AcceptMultishotDirect() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("ring") IoUring ring, @Advice.Argument(0) FixedFile file) {
            Hooks.inFlightArmed(ring.id(), file.slot(), Hooks.OP_ACCEPT_MULTISHOT_DIRECT);
        }
    }
}
