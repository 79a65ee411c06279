package dev.ringwatch.sample.socket;

import dev.ringwatch.ring.CqeFlags;
import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.AgentHint;
import dev.ringwatch.sample.cli.Linger;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Text;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;
import dev.ringwatch.ring.Os;
import dev.ringwatch.ring.Sockets;
import dev.ringwatch.ring.PollEvents;
import dev.ringwatch.sample.net.TcpListener;
import dev.ringwatch.sample.proc.ProcStats;
import dev.ringwatch.sample.proc.RingFdInfo;
import dev.ringwatch.sample.uring.Awaiter;

import static dev.ringwatch.sample.uring.OperationFailedException.check;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes and retires TCP connection pairs through one ring, with a long-lived multishot poll on the
 * listening socket's fixed slot (the set-up of liburing issue 1192). Each pair is registered as direct
 * descriptors; normally the slots are released and the fds closed. On request the program closes the
 * fds while the slots still hold the sockets, or forgets the slot handles: either way the kernel keeps
 * the sockets, which {@code sockets: used} shows while the process's fd count stays flat.
 */
public final class SocketChurn extends Command {
    private static final long SOCKET = 1, CONNECT = 2, ACCEPT = 3, SEND = 4, RECV = 5, POLL = 100;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DROP_WAIT = Duration.ofSeconds(2);
    private static final int MAX_ITERATIONS = 5_000;

    public SocketChurn() {
        super("socket-churn",
                "connect/accept socket pairs into fixed-file slots and retire them; can leave sockets held by slots",
                """
                Listens on 127.0.0.1 (ephemeral port) and registers the listening socket in a fixed-file slot
                with a multishot poll that stays armed the whole run. Each iteration makes a socket, connects
                it to the listener and accepts the other end (socket, connect and accept through the ring),
                registers both sockets as direct descriptors, sends a byte each way through the slots, then
                releases both slots and closes both fds.
                  --close-fd-first         closes the fds but leaves the slots holding the sockets (an "fd
                                           closed under slot" leak: the kernel keeps every socket open)
                  --forget-release-every N drops every N-th pair's slot handles without releasing them (a
                                           "slot outlived owner" leak)
                /proc/net/sockstat's "sockets: used" and the process's fd count are printed as it goes: with
                a leak the first grows while the second does not.""");
    }

    @Override
    public Options options() {
        return Linger.option(new Options(name())
                .intOption("iterations", "N", 200, 1, MAX_ITERATIONS, "connection pairs to make and retire")
                .flag("close-fd-first", "close each fd while its slot still holds the socket, and never release the slot")
                .intOption("forget-release-every", "N", 0, 0, MAX_ITERATIONS,
                        "drop every N-th pair's slot handles without releasing them (0: never)"));
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        int iterations = o.intValue("iterations");
        boolean closeFdFirst = o.flag("close-fd-first");
        int forgetEvery = o.intValue("forget-release-every");
        boolean leaky = closeFdFirst || forgetEvery > 0;
        // the listener's slot plus, when slots are kept, two per iteration
        int tableSize = leaky ? 1 + 2 * iterations : 8;
        ProcStats proc = new ProcStats();
        Stats st = new Stats();

        try (Arena arena = Arena.ofConfined();
             TcpListener listener = TcpListener.loopback(0, 128);
             IoUring ring = IoUring.builder().entries(64).build()) {
            FileTable files = ring.registerFiles(tableSize);
            ring.addFileDropListener((table, slot, tag) -> st.dropsConfirmed++);
            FixedFile listenerSlot = files.register(listener.fd(), listener);
            Awaiter io = new Awaiter(ring, STEP_TIMEOUT).othersTo((userData, res, flags) -> {
                if (userData == POLL) {
                    st.pollEvents++;
                    st.pollArmed = (flags & CqeFlags.MORE) != 0;
                }
            });
            ring.nextSqe().pollMultishot(listenerSlot, PollEvents.POLLIN).userData(POLL);
            ring.submit();
            MemorySegment ping = arena.allocateFrom("x").asSlice(0, 1);
            MemorySegment pong = arena.allocate(16);
            List<FixedFile> held = new ArrayList<>();

            int socketsStart = proc.socketsUsed();
            int fdsStart = proc.openFds();
            out.printf("socket-churn: %s, listener in fixed slot %d with a multishot poll; %d iterations, %s%n",
                    listener, listenerSlot.slot(), iterations, mode(closeFdFirst, forgetEvery));
            out.printf("at start: sockets: used %d, process fds %d%n", socketsStart, fdsStart);
            int reportEvery = Math.max(1, iterations / 10);
            for (int i = 1; i <= iterations; i++) {
                if (!st.pollArmed) {
                    // a multishot poll can end (e.g. the CQ overflowed); the point is to keep one armed
                    ring.nextSqe().pollMultishot(listenerSlot, PollEvents.POLLIN).userData(POLL);
                    st.pollArmed = true;
                    st.pollRearms++;
                }
                ring.nextSqe().socket(Sockets.AF_INET, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0).userData(SOCKET);
                int clientFd = check("socket", io.submitAndAwait(SOCKET));
                ring.nextSqe().connect(clientFd, listener.sockaddr()).userData(CONNECT);
                ring.nextSqe().accept(listenerSlot, MemorySegment.NULL, MemorySegment.NULL, Sockets.SOCK_CLOEXEC).userData(ACCEPT);
                int[] r = io.submitAndAwaitAll(CONNECT, ACCEPT);
                check("connect", r[0]);
                int serverFd = check("accept", r[1]);

                FixedFile client = files.register(clientFd, null);
                FixedFile server = files.register(serverFd, null);
                ring.nextSqe().send(client, ping, 0).userData(SEND);
                ring.nextSqe().recv(server, pong, 0).userData(RECV);
                r = io.submitAndAwaitAll(SEND, RECV);
                check("send", r[0]);
                check("recv", r[1]);

                if (forgetEvery > 0 && i % forgetEvery == 0) {
                    Os.close(clientFd);
                    Os.close(serverFd);
                    st.forgotten += 2; // the handles go out of scope here, slots still occupied
                } else if (closeFdFirst) {
                    Os.close(clientFd);
                    Os.close(serverFd);
                    held.add(client);
                    held.add(server);
                } else {
                    client.close();
                    server.close();
                    st.released += 2;
                    Os.close(clientFd);
                    Os.close(serverFd);
                }
                if (i % reportEvery == 0 || i == iterations) {
                    int sockets = proc.socketsUsed();
                    int fds = proc.openFds();
                    out.printf("iteration %d/%d: sockets: used %d (%+d), process fds %d (%+d), occupied slots %d,"
                                    + " releases confirmed by the kernel %d/%d%n", i, iterations, sockets,
                            sockets - socketsStart, fds, fds - fdsStart, files.occupied(), st.dropsConfirmed, st.released);
                }
            }
            int unconfirmed = io.awaitDropConfirmations(files, DROP_WAIT);
            int socketsEnd = proc.socketsUsed();
            int fdsEnd = proc.openFds();
            int kernelSlots = RingFdInfo.occupiedSlots(Path.of("/proc"), ring.fd());
            int keptBySlots = held.size() + st.forgotten;

            out.printf("done: %d iterations (socket, connect, accept, send and recv through the ring)%n", iterations);
            out.printf("slots: %d occupied by our count, %d in the kernel's fdinfo (listener + %d kept); %d released,"
                    + " %d drops confirmed by tag completions, %d unconfirmed%n", files.occupied(), kernelSlots,
                    keptBySlots, st.released, st.dropsConfirmed, unconfirmed);
            out.printf("sockets: used %d now, %d at start (%+d); process fds %d now, %d at start (%+d)%n", socketsEnd,
                    socketsStart, socketsEnd - socketsStart, fdsEnd, fdsStart, fdsEnd - fdsStart);
            out.printf("listener poll: %d events, re-armed %d times%n", st.pollEvents, st.pollRearms);
            if (keptBySlots > 0) {
                out.printf("%d sockets are open only because fixed-file slots hold them (%d with their fd closed"
                                + " under the slot, %d with their slot handle forgotten); no fd in /proc/self/fd shows them.%n",
                        keptBySlots, held.size(), st.forgotten);
                AgentHint.printUnlessUnderAgent(out, "report them");
            }
            Linger.linger(out, o);
            out.println(new ResultLine(name()).add("iterations", iterations)
                    .add("sockets_used_start", socketsStart).add("sockets_used_end", socketsEnd)
                    .add("sockets_used_delta", socketsEnd - socketsStart).add("fds_delta", fdsEnd - fdsStart)
                    .add("slots_occupied", files.occupied()).add("kernel_slots", kernelSlots)
                    .add("released", st.released).add("drops_confirmed", st.dropsConfirmed)
                    .add("fd_closed_under_slot", held.size()).add("forgotten", st.forgotten)
                    .add("poll_events", st.pollEvents));
            // closing the ring (end of try) drops every slot, so nothing outlives the command
        }
        return 0;
    }

    /** Counters the completion handlers update. */
    private static final class Stats {
        int dropsConfirmed;
        int released;
        int forgotten;
        int pollEvents;
        int pollRearms;
        boolean pollArmed = true;
    }

    private static String mode(boolean closeFdFirst, int forgetEvery) {
        String forget = forgetEvery > 0 ? Text.every(forgetEvery, "pair") + ": slot handles dropped without release" : "";
        if (closeFdFirst) {
            return "fds closed while slots still hold the sockets (slots never released)" + (forget.isEmpty() ? "" : "; " + forget);
        }
        return forget.isEmpty() ? "slots released, then fds closed" : "slots released, then fds closed; " + forget;
    }
}
