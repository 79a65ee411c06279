package dev.ringwatch.sample.echo;

import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Text;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;

import java.io.PrintStream;
import java.time.Duration;

/** {@code echo-server}: the io_uring echo server alone, for a load generator in another process. */
public final class EchoServerCommand extends Command {
    static final int MAX_CONNECTIONS = 16_384;

    public EchoServerCommand() {
        super("echo-server",
                "io_uring echo server on 127.0.0.1 (multishot accept into fixed slots) for --duration-s seconds",
                """
                A single-threaded TCP echo server on one ring, listening on 127.0.0.1. The listening socket
                sits in fixed slot 0 with a multishot accept that puts each connection straight into a slot
                the kernel picks from a reserved range; the server echoes with recv/send on those direct
                descriptors and closes a connection by releasing its slot. It prints its port, a status line
                every second, and stops by itself after --duration-s. With --leak-slot-every N every N-th
                closing connection's slot is dropped without release: the kernel keeps that socket open.
                Drive it with: java -jar ringwatch-sample.jar echo-load --port PORT""");
    }

    @Override
    public Options options() {
        return serverOptions(new Options(name())
                .intOption("port", "PORT", 0, 0, 65_535, "TCP port on 127.0.0.1 (0: the kernel picks one)")
                .intOption("duration-s", "S", 10, 1, 3_600, "serve this long, then stop"), "");
    }

    /** The server options echo-server and echo-bench share; {@code helpPrefix} starts each option's help. */
    static Options serverOptions(Options o, String helpPrefix) {
        return o.intOption("max-connections", "N", 1_024, 1, MAX_CONNECTIONS,
                        helpPrefix + "fixed slots reserved for connections")
                .intOption("buffer-bytes", "B", 16_384, 1, 1 << 20, helpPrefix + "receive buffer per connection")
                .intOption("leak-slot-every", "N", 0, 0, 1_000_000,
                        helpPrefix + "drop every N-th closing connection's slot without releasing it (0: never)")
                .intOption("linger-ms", "MS", 0, 0, 600_000,
                        helpPrefix + "at the end, request a GC and wait this long with leaked slots in place");
    }

    /** The server's configuration from {@link #serverOptions}; {@code reportEvery} null: no status lines. */
    static EchoServer.Config serverConfig(ParsedOptions o, Duration reportEvery) {
        return new EchoServer.Config(o.intValue("max-connections"), o.intValue("buffer-bytes"),
                o.intValue("leak-slot-every"), o.intValue("linger-ms"), reportEvery);
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        EchoServer.Config config = serverConfig(o, Duration.ofSeconds(1));
        int seconds = o.intValue("duration-s");
        try (EchoServer server = EchoServer.listen(o.intValue("port"), config)) {
            out.printf("echo-server: listening on 127.0.0.1:%d for %d s (%d connection slots%s)%n", server.port(),
                    seconds, config.maxConnections(), config.leakSlotEvery() > 0
                            ? "; " + Text.every(config.leakSlotEvery(), "closing connection's") + " slot is leaked" : "");
            out.flush();
            EchoServer.Stats s = server.serve(Duration.ofSeconds(seconds), out);
            EchoReport.printServer(out, s);
            out.println(EchoReport.addServer(new ResultLine(name()).add("port", server.port()), s)
                    .add("errors", s.errors()));
            return s.errors() == 0 ? 0 : 1;
        }
    }
}
