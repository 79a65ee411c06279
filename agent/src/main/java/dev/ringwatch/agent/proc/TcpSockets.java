package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The TCP sockets of the reader's network namespace ({@code /proc/net/tcp} and {@code tcp6}): local address,
 * state and inode of each. {@code sockets: used} cannot say whose sockets grew; this table can, because a
 * connection accepted on a listening socket keeps that listener's local port, and a listener's port is bound
 * by whoever holds the listener. Only what socket drift needs is kept.
 */
public final class TcpSockets {
    /** {@code st} of a listening socket (TCP_LISTEN). */
    static final int LISTEN = 0x0A;

    private final String[] addresses;
    private final int[] ports;
    private final int[] states;
    private final long[] inodes;
    private final int size;

    private TcpSockets(String[] addresses, int[] ports, int[] states, long[] inodes, int size) {
        this.addresses = addresses;
        this.ports = ports;
        this.states = states;
        this.inodes = inodes;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /**
     * The inodes of connections whose local address is that of a listening socket {@code ours} holds (so they were accepted
     * on it, by this process) but which {@code ours} does not hold: sockets of this process that the kernel
     * keeps where neither its fds nor its tracked slots show them. Closed connections whose file is gone (time
     * wait, orphans) have inode 0 and never count.
     */
    public Set<Long> unheldAcceptedOn(LongPredicate ours) {
        Set<Integer> wildcardPorts = new HashSet<>();
        Set<String> listeners = new HashSet<>();
        for (int i = 0; i < size; i++) {
            if (states[i] == LISTEN && inodes[i] != 0 && ours.test(inodes[i])) {
                if (isWildcard(addresses[i])) {
                    wildcardPorts.add(ports[i]);
                } else {
                    listeners.add(addresses[i] + ":" + ports[i]);
                }
            }
        }
        Set<Long> unheld = new HashSet<>();
        for (int i = 0; i < size; i++) {
            if (states[i] != LISTEN && inodes[i] != 0 && !ours.test(inodes[i])
                    && (wildcardPorts.contains(ports[i]) || listeners.contains(addresses[i] + ":" + ports[i]))) {
                unheld.add(inodes[i]);
            }
        }
        return unheld;
    }

    private static boolean isWildcard(String hexAddress) {
        return hexAddress.chars().allMatch(c -> c == '0');
    }

    public static ProcResult<TcpSockets> read(ProcRoot root) {
        Path net = root.root().resolve("net");
        Builder b = new Builder();
        for (String name : new String[] {"tcp", "tcp6"}) {
            Path file = net.resolve(name);
            try (ProcLineReader r = ProcLineReader.open(file)) {
                b.parse(r);
            } catch (NoSuchFileException e) {
                if (name.equals("tcp")) {
                    return ProcResult.failed(ProcError.fromIo(file, e));
                }
                // no tcp6 where IPv6 is off: nothing to add
            } catch (IOException e) {
                return ProcResult.failed(ProcError.fromIo(file, e));
            } catch (ProcFormatException e) {
                return ProcResult.failed(ProcError.malformed(file, e));
            }
        }
        return ProcResult.ok(b.build());
    }

    /** Grows arrays as lines come (a namespace may hold many thousand sockets; the reader caps the file size). */
    private static final class Builder {
        private String[] addresses = new String[64];
        private int[] ports = new int[64];
        private int[] states = new int[64];
        private long[] inodes = new long[64];
        private int size;

        void parse(ProcLineReader r) throws IOException, ProcFormatException {
            boolean header = true;
            int[] token = new int[20]; // [from, to) of the first ten fields
            while (r.next()) {
                int len = r.trimmedEnd();
                if (header) {
                    header = false; // "  sl  local_address rem_address   st ..."
                    continue;
                }
                if (len == 0) {
                    continue;
                }
                int tokens = 0;
                for (int at = r.skipBlanks(0); at < len && tokens < token.length / 2; at = r.skipBlanks(at)) {
                    int end = Math.min(r.tokenEnd(at), len);
                    token[2 * tokens] = at;
                    token[2 * tokens + 1] = end;
                    tokens++;
                    at = end;
                }
                if (tokens < 10) {
                    throw r.malformed("expected 'sl local_address rem_address st ... uid timeout inode': " + r.quoted());
                }
                int localAt = token[2], localEnd = token[3];
                int colon = r.indexOf(':', localAt);
                if (colon < 0 || colon >= localEnd) {
                    throw r.malformed("local address without ':port': " + r.quoted());
                }
                add(r.text(localAt, colon), (int) r.hex(colon + 1, localEnd, "local port"),
                        (int) r.hex(token[6], token[7], "st"), r.decimal(token[18], token[19], "inode"));
            }
        }

        private void add(String address, int port, int state, long inode) {
            if (size == ports.length) {
                int n = size * 2;
                addresses = Arrays.copyOf(addresses, n);
                ports = Arrays.copyOf(ports, n);
                states = Arrays.copyOf(states, n);
                inodes = Arrays.copyOf(inodes, n);
            }
            addresses[size] = address;
            ports[size] = port;
            states[size] = state;
            inodes[size] = inode;
            size++;
        }

        TcpSockets build() {
            return new TcpSockets(addresses, ports, states, inodes, size);
        }
    }
}
