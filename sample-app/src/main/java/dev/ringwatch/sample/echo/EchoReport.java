package dev.ringwatch.sample.echo;

import dev.ringwatch.sample.cli.ResultLine;

import java.io.PrintStream;

/** How the echo commands print load results and server statistics. */
final class EchoReport {
    private EchoReport() {
    }

    static void printLoad(PrintStream out, EchoLoad.Config c, EchoLoad.Result r) {
        LatencyHistogram h = r.latency();
        out.printf("load: %d connections, %d-byte messages, %.2f s measured: %d requests, %.0f requests/s%n",
                c.connections(), c.messageBytes(), r.seconds(), r.requests(), r.requestsPerSecond());
        out.printf("      latency p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us; %d connects, %d errors%s%n",
                h.percentile(50) / 1e3, h.percentile(99) / 1e3, h.percentile(99.9) / 1e3, h.max() / 1e3, r.connects(),
                r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
    }

    static void printServer(PrintStream out, EchoServer.Stats s) {
        out.printf("server: %d accepted, %d closed by peer, %d slots released, %d slots leaked, %.1f MB echoed,"
                        + " %d errors%s; max %d live; kernel fdinfo shows %d occupied slot(s) at the end%n",
                s.accepted(), s.closedByPeer(), s.released(), s.leakedSlots(), s.bytesEchoed() / 1e6, s.errors(),
                s.firstError() == null ? "" : " (first: " + s.firstError() + ")", s.maxLive(), s.kernelSlotsAtEnd());
    }

    static ResultLine addLoad(ResultLine line, EchoLoad.Config c, EchoLoad.Result r) {
        LatencyHistogram h = r.latency();
        return line.add("connections", c.connections()).add("message_bytes", c.messageBytes())
                .add("seconds", r.seconds(), 2).add("requests", r.requests()).add("rps", r.requestsPerSecond(), 1)
                .add("p50_us", h.percentile(50) / 1e3, 1).add("p99_us", h.percentile(99) / 1e3, 1)
                .add("p999_us", h.percentile(99.9) / 1e3, 1).add("max_us", h.max() / 1e3, 1)
                .add("connects", r.connects());
    }

    static ResultLine addServer(ResultLine line, EchoServer.Stats s) {
        return line.add("accepted", s.accepted()).add("closed", s.closedByPeer()).add("released", s.released())
                .add("leaked_slots", s.leakedSlots()).add("bytes", s.bytesEchoed())
                .add("kernel_slots_end", s.kernelSlotsAtEnd());
    }
}
