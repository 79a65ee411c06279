package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/net/sockstat} of the reader's network namespace. {@code sockets: used} counts every socket
 * the kernel holds, including those only a fixed-file slot still references, which is why it can grow while
 * the process's socket fds do not.
 *
 * @param socketsUsed {@code sockets: used}
 * @param counters    every {@code PROTO: key value ...} line, e.g. {@code TCP -> {inuse=1, orphan=0, tw=2, ...}}
 */
public record SockStat(long socketsUsed, Map<String, Map<String, Long>> counters) {

    public SockStat {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        counters.forEach((proto, values) -> copy.put(proto, Map.copyOf(values)));
        counters = Collections.unmodifiableMap(copy);
    }

    /** The value of {@code key} on the {@code protocol} line, or -1 when absent. */
    public long counter(String protocol, String key) {
        Map<String, Long> values = counters.get(protocol);
        Long v = values == null ? null : values.get(key);
        return v == null ? -1 : v;
    }

    /** {@code TCP: inuse}: TCP sockets in use (listening and connected), or -1. */
    public long tcpInUse() {
        return counter("TCP", "inuse");
    }

    /** {@code TCP: alloc}: TCP sockets allocated, including orphans and time-wait minis, or -1. */
    public long tcpAlloc() {
        return counter("TCP", "alloc");
    }

    public long tcpOrphan() {
        return counter("TCP", "orphan");
    }

    public long tcpTimeWait() {
        return counter("TCP", "tw");
    }

    public long udpInUse() {
        return counter("UDP", "inuse");
    }

    public static ProcResult<SockStat> read(ProcRoot root) {
        return read(root.sockstat());
    }

    static ProcResult<SockStat> read(Path file) {
        try (ProcLineReader r = ProcLineReader.open(file)) {
            return ProcResult.ok(parse(r));
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(file, e));
        } catch (ProcFormatException e) {
            return ProcResult.failed(ProcError.malformed(file, e));
        }
    }

    private static SockStat parse(ProcLineReader r) throws IOException, ProcFormatException {
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        while (r.next()) {
            int len = r.trimmedEnd();
            if (len == 0) {
                continue;
            }
            int colon = r.indexOf(':', 0);
            if (colon <= 0 || colon >= len) {
                throw r.malformed("expected 'PROTO: key value ...': " + r.quoted());
            }
            String protocol = r.text(0, colon);
            Map<String, Long> values = new LinkedHashMap<>();
            int at = r.skipBlanks(colon + 1);
            while (at < len) {
                int keyEnd = r.tokenEnd(at);
                int valueAt = r.skipBlanks(keyEnd);
                if (valueAt >= len) {
                    throw r.malformed(protocol + ": key '" + r.text(at, keyEnd) + "' without a value: " + r.quoted());
                }
                int valueEnd = Math.min(r.tokenEnd(valueAt), len);
                String key = r.text(at, keyEnd);
                long value = r.decimal(valueAt, valueEnd, protocol + " " + key);
                if (values.put(key, value) != null) {
                    throw r.malformed(protocol + ": key '" + key + "' twice: " + r.quoted());
                }
                at = r.skipBlanks(valueEnd);
            }
            if (values.isEmpty()) {
                throw r.malformed(protocol + ": no counters: " + r.quoted());
            }
            if (counters.put(protocol, values) != null) {
                throw r.malformed("'" + protocol + "' line twice");
            }
        }
        Long used = counters.getOrDefault("sockets", Map.of()).get("used");
        if (used == null) {
            throw new ProcFormatException(r.lineNumber(), "no 'sockets: used N' line"
                    + (r.lineNumber() == 0 ? " (empty file)" : ""));
        }
        return new SockStat(used, counters);
    }
}
