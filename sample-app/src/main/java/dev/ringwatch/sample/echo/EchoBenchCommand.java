package dev.ringwatch.sample.echo;

import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** {@code echo-bench}: echo server and load generator in one process, on separate threads. */
public final class EchoBenchCommand extends Command {
    public EchoBenchCommand() {
        super("echo-bench",
                "echo-server and echo-load together in one process; one result line with requests/s and p99",
                """
                Runs the io_uring echo server (see echo-server) on one thread and the closed-loop load (see
                echo-load) on others, over 127.0.0.1, then prints the server's statistics, the load's
                requests/s and latency percentiles, and one result line. sample-app/bench-echo.sh runs it with
                and without the ringwatch agent and compares. Errors on either side make the exit code 1.""");
    }

    @Override
    public Options options() {
        return EchoServerCommand.serverOptions(EchoLoadCommand.loadOptions(new Options(name()), 5), "server: ");
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        EchoServer.Config sc = EchoServerCommand.serverConfig(o, null);
        try (EchoServer server = EchoServer.listen(0, sc)) {
            EchoLoad.Config lc = EchoLoadCommand.loadConfig(o, server.port());
            out.printf("echo-bench: server on 127.0.0.1:%d (one ring, one thread); load: %d connections, %d-byte"
                            + " messages, %d s warm-up + %d s measured%s%n", server.port(), lc.connections(),
                    lc.messageBytes(), lc.warmup().toSeconds(), lc.duration().toSeconds(),
                    lc.reconnectEvery() > 0 ? ", reconnecting every " + lc.reconnectEvery() + " requests" : "");
            out.flush();
            AtomicReference<EchoServer.Stats> stats = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            // the server stops when the load is done; this bound only matters if that never comes
            Duration serverLimit = lc.warmup().plus(lc.duration()).plusSeconds(30);
            Thread serverThread = new Thread(() -> {
                try {
                    stats.set(server.serve(serverLimit, out));
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "echo-server");
            serverThread.start();
            EchoLoad.Result r;
            try {
                r = new EchoLoad(lc).run();
            } finally {
                server.requestStop();
                serverThread.join(10_000L + sc.lingerMs());
            }
            if (failure.get() != null) {
                throw new IllegalStateException("the echo server failed: " + failure.get(), failure.get());
            }
            EchoServer.Stats s = stats.get();
            if (s == null) {
                throw new IllegalStateException("the echo server did not stop within 10 s of the load's end");
            }
            EchoReport.printServer(out, s);
            EchoReport.printLoad(out, lc, r);
            long errors = r.errors() + s.errors();
            out.println(EchoReport.addServer(EchoReport.addLoad(new ResultLine(name()), lc, r), s)
                    .add("errors", errors));
            return errors == 0 && r.requests() > 0 ? 0 : 1;
        }
    }
}
