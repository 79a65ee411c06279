package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into the application's {@code FileTable} (whose methods hold the table's lock, so one
 * table's calls arrive in order). Reads only fields through getters: nothing is allocated here.
 */
public final class FileTableAdvice {
    private FileTableAdvice() {
    }

    /** {@code FixedFile occupy(int slot, int fd, Object owner, boolean kernelInstalled)}: every registration. */
    public static final class Occupy {
        private Occupy() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This FileTable table, @Advice.Return FixedFile f) {
            if (f != null) {
                Hooks.slotOccupied(table, table.ring().id(), f.slot(), f.fd(), f.tag(), f.isKernelInstalled(),
                        f.owner(), f.hasExplicitOwner(), f.ownerClassName());
            }
        }
    }

    /** {@code void vacate(FixedFile)}: every release that reached the kernel. */
    public static final class Vacate {
        private Vacate() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This FileTable table, @Advice.Argument(0) FixedFile f,
                         @Advice.Thrown Throwable thrown) {
            if (thrown == null) {
                Hooks.slotVacated(table.ring().id(), f.slot(), f.tag());
            }
        }
    }

    /** {@code void dropConfirmed(int slot, long tag)}: the kernel's tag CQE for a released slot. */
    public static final class DropConfirmed {
        private DropConfirmed() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This FileTable table, @Advice.Argument(0) int slot, @Advice.Argument(1) long tag) {
            Hooks.slotDropConfirmed(table.ring().id(), slot, tag);
        }
    }
}
