package dev.ringwatch.programs;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * For the Prometheus JMX exporter test: keeps an SQPOLL ring and a plain ring with three occupied slots open,
 * drops a second SQPOLL ring without close() (one "ring outlived owner" leak, its iou-sqp thread stays), then
 * scrapes the exporter running in this JVM (argument: its port on 127.0.0.1) and prints its ringwatch_ lines
 * as {@code METRIC <line>}; with the argument {@code hold=<ms>} it only stays up that long, for an exporter
 * that pushes.
 */
public final class MetricsScrape {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int fd = Child.openDevNull();
        IoUring sqpoll = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).build();
        IoUring plain = IoUring.builder().entries(8).build();
        FileTable files = plain.registerFiles(8);
        for (int i = 0; i < 3; i++) {
            KEEP.add(files.register(fd, null));
        }
        KEEP.add(sqpoll);
        KEEP.add(plain);
        dropSqpollRing();
        Child.settle(1);
        if (args[0].startsWith("hold=")) { // an exporter that pushes on its own schedule (OpenTelemetry's)
            Child.sleep(Long.parseLong(args[0].substring("hold=".length())));
            Child.print("HELD", true);
            return;
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + args[0] + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
        Child.print("HTTP_STATUS", response.statusCode());
        for (String line : response.body().split("\n")) {
            if (line.startsWith("ringwatch_")) {
                System.out.println("METRIC " + line);
            }
        }
    }

    private static void dropSqpollRing() {
        IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).build();
    }
}
