package dev.ringwatch.sample.echo;

import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;
import dev.ringwatch.sample.cli.UsageException;
import dev.ringwatch.sample.net.TcpListener;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/** {@code echo-load}: the load generator alone, against an echo server on 127.0.0.1. */
public final class EchoLoadCommand extends Command {
    static final int MAX_LOAD_CONNECTIONS = 1_000;

    public EchoLoadCommand() {
        super("echo-load",
                "closed-loop echo load on 127.0.0.1:PORT; reports requests/s and p50/p99 latency",
                """
                Opens --connections TCP connections to 127.0.0.1:--port and keeps one request in flight on
                each for --duration-s seconds (after --warmup-s seconds that are not counted): send a message,
                receive the echo in full, check it byte for byte, repeat. One thread drives all connections
                through its own io_uring ring, so the load costs less CPU than the server it measures. Prints
                requests/s and latency percentiles (round trip from queuing the send to the last echoed
                byte), and a result line for scripts. Only the loopback address is ever targeted.""");
    }

    @Override
    public Options options() {
        return loadOptions(new Options(name())
                .intOption("port", "PORT", 0, 0, 65_535, "port of the echo server on 127.0.0.1 (required)"), 5);
    }

    /** The load options echo-load and echo-bench share. */
    static Options loadOptions(Options o, int defaultSeconds) {
        return o.intOption("connections", "N", 8, 1, MAX_LOAD_CONNECTIONS, "concurrent connections, one request in flight on each")
                .intOption("duration-s", "S", defaultSeconds, 1, 3_600, "measured time")
                .intOption("warmup-s", "S", 1, 0, 600, "load before the measured time, not counted")
                .intOption("message-bytes", "B", 64, 1, 1 << 20, "bytes per request (echoed back in full)")
                .intOption("reconnect-every", "N", 0, 0, 1_000_000,
                        "open a new connection after N requests (0: keep each connection)");
    }

    static EchoLoad.Config loadConfig(ParsedOptions o, int port) {
        return new EchoLoad.Config(new InetSocketAddress(TcpListener.LOOPBACK, port), o.intValue("connections"),
                Duration.ofSeconds(o.intValue("warmup-s")), Duration.ofSeconds(o.intValue("duration-s")),
                o.intValue("message-bytes"), o.intValue("reconnect-every"));
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        int port = o.intValue("port");
        if (port == 0) {
            throw new UsageException("option --port is required (the port echo-server printed)");
        }
        EchoLoad.Config c = loadConfig(o, port);
        out.printf("echo-load: %d connections to 127.0.0.1:%d, %d-byte messages, %d s warm-up + %d s measured%n",
                c.connections(), port, c.messageBytes(), c.warmup().toSeconds(), c.duration().toSeconds());
        out.flush();
        EchoLoad.Result r = new EchoLoad(c).run();
        EchoReport.printLoad(out, c, r);
        out.println(EchoReport.addLoad(new ResultLine(name()), c, r).add("errors", r.errors()));
        return r.errors() == 0 && r.requests() > 0 ? 0 : 1;
    }
}
