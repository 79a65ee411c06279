package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.FdTable;
import dev.ringwatch.agent.proc.ProcResult;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.agent.proc.TcpSockets;

import java.util.HashSet;
import java.util.Set;

/**
 * Tells whether a rise of {@code sockets: used} is this process's before it is called a leak: that count covers
 * the whole network namespace, where other processes (a build, a sidecar) open sockets too. The rise is ours
 * when connections accepted on this process's own listening sockets are held by neither its fds nor any
 * io_uring fd's slots: the kernel keeps them where nobody sees them (the pre-6.13 pinning of released slots).
 */
final class DriftAttribution {
    /** The reconciler's way to read /proc: a failure is one fault line under {@code key}, and null. */
    interface ProcReader {
        <T> T read(ProcResult<T> result, String key, String what);
    }

    private final ProcView proc;
    private final ProcReader reader;

    DriftAttribution(ProcView proc, ProcReader reader) {
        this.proc = proc;
        this.reader = reader;
    }

    /**
     * How many such connections there are, in two readings (a connection closed or accepted while the first
     * was read is in only one of them); -1 when something could not be read.
     */
    int unheldSockets() {
        Set<Long> first = unheldNow();
        Set<Long> second = first == null || first.isEmpty() ? null : unheldNow();
        if (second == null) {
            return first == null ? -1 : 0;
        }
        first.retainAll(second);
        return first.size();
    }

    private Set<Long> unheldNow() {
        TcpSockets table = reader.read(proc.tcpSockets(), "tcp",
                "sockets held outside this process's fds and slots (socket drift)");
        // what the process holds is listed after the table, so a socket it held when the table was read is held
        FdTable fds = table == null ? null
                : reader.read(proc.fds(), "fds", "untracked rings, fds closed under slots and socket drift");
        if (fds == null) {
            return null;
        }
        Set<Long> held = new HashSet<>();
        for (FdTable.FdEntry e : fds.entries()) {
            if (e.isSocket()) {
                held.add(e.socketInode());
            }
        }
        for (int fd : fds.ringFds()) {
            // every ring's slots, tracked or not: a socket in any of this process's tables is seen
            ProcResult<RingFdInfo> info = proc.ringFdInfo(fd);
            if (!(info instanceof ProcResult.Ok<RingFdInfo> ok) || !ok.value().files().listed()) {
                return null;
            }
            for (RingFdInfo.FileSlot slot : ok.value().files().occupied()) {
                held.add(slot.socketInode());
            }
        }
        return table.unheldAcceptedOn(held::contains);
    }
}
