package dev.ringwatch.sample;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EchoTest {

    @Test
    void echoBenchServesRequestsWithoutErrors() {
        Runs.Run r = Runs.inProcess("echo-bench", "--duration-s", "2", "--warmup-s", "0", "--connections", "4");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.number("requests") > 0, r::describe);
        assertEquals(0, r.number("errors"), r::describe);
        assertTrue(Double.parseDouble(r.result().get("rps")) > 0, r::describe);
        assertTrue(Double.parseDouble(r.result().get("p99_us")) >= Double.parseDouble(r.result().get("p50_us")), r::describe);
        assertEquals(4, r.number("accepted"), r::describe);
        assertEquals(4, r.number("released"), "every connection's slot released at its close\n" + r.out());
        assertEquals(1, r.number("kernel_slots_end"), "only the listener's slot is left\n" + r.out());
        assertTrue(r.number("bytes") >= 64 * r.number("requests"), r::describe);
    }

    @Test
    void leakSlotEveryLeavesThoseSlotsOccupiedInTheKernel() {
        Runs.Run r = Runs.inProcess("echo-bench", "--duration-s", "1", "--warmup-s", "0", "--connections", "2",
                "--reconnect-every", "20", "--leak-slot-every", "5");
        assertEquals(0, r.exitCode(), r::describe);
        long leaked = r.number("leaked_slots");
        assertTrue(leaked > 0, r::describe);
        assertEquals(r.number("closed") / 5, leaked, r::describe);
        assertEquals(1 + leaked, r.number("kernel_slots_end"), "listener + leaked slots per fdinfo\n" + r.out());
        assertEquals(0, r.number("errors"), r::describe);
    }

    @Test
    void echoServerAndEchoLoadWorkAsSeparateProcesses_childJvm() throws Exception {
        Process server = new ProcessBuilder(Runs.childCommand("echo-server", "--duration-s", "4"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertNotNull(first, "echo-server printed nothing");
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(first);
            assertTrue(m.find(), first);
            String port = m.group(1);

            Runs.Run load = Runs.inProcess("echo-load", "--port", port, "--duration-s", "1", "--warmup-s", "0",
                    "--connections", "3");
            assertEquals(0, load.exitCode(), load::describe);
            assertTrue(load.number("requests") > 0, load::describe);
            assertEquals(0, load.number("errors"), load::describe);

            StringBuilder rest = new StringBuilder(first).append('\n');
            for (String l; (l = lines.readLine()) != null; ) {
                rest.append(l).append('\n');
            }
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "echo-server did not stop by itself");
            assertEquals(0, server.exitValue(), rest::toString);
            Runs.Run serverRun = new Runs.Run(0, rest.toString(), "");
            assertEquals(3, serverRun.number("accepted"), rest::toString);
            assertEquals(3, serverRun.number("released"), rest::toString);
            assertEquals(0, serverRun.number("errors"), rest::toString);
        } finally {
            server.destroyForcibly();
        }
    }
}
