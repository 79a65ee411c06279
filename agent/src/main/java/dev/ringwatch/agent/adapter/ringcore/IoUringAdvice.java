package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.Mapping;
import dev.ringwatch.ring.SetupFlags;
import net.bytebuddy.asm.Advice;

import java.util.List;

/**
 * Advice inlined into the application's {@code IoUring}. The code below runs inside ring-core, so it may
 * use ring-core's types; it hands plain values to {@link Hooks}. Never loaded as a class by the agent:
 * ByteBuddy reads its bytecode.
 */
public final class IoUringAdvice {
    private IoUringAdvice() {
    }

    /** {@code static IoUring open(Builder)}: every ring that was set up. */
    public static final class Open {
        private Open() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return IoUring ring) {
            if (ring != null && Hooks.active()) {
                List<Mapping> ms = ring.mappings();
                long[] m = new long[ms.size() * 2];
                for (int i = 0; i < ms.size(); i++) {
                    m[2 * i] = ms.get(i).address();
                    m[2 * i + 1] = ms.get(i).bytes();
                }
                IoUring attached = ring.attachedTo();
                Hooks.ringOpened(ring, new RingFacts(RingFacts.RING_CORE, ring.id(), ring.fd(), ring.setupFlags(),
                        SetupFlags.describe(ring.setupFlags()), ring.isSqpoll(), ring.sqEntries(), ring.cqEntries(),
                        ring.sqThreadIdleMillis(), attached == null ? 0L : attached.id(), ring.ownerClassName(),
                        ring.hasExplicitOwner(), m), ring.owner());
            }
        }
    }

    /** {@code void closeResources()}: the first close of a ring, fd and mappings still valid. */
    public static final class Close {
        private Close() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This IoUring ring) {
            Hooks.ringClosing(ring.id());
        }
    }
}
