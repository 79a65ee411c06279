package dev.ringwatch.agent.it;

import dev.ringwatch.programs.AttachTarget;
import dev.ringwatch.programs.Child;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.testsupport.ChildProcess;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code list} and {@code attach} through the jar's Main against a running JVM that already has a ring-core
 * ring and a raw ring: both are adopted (not reported), rings made after the attach are tracked or reported.
 */
class AttachCliIT {

    @Test
    void attachToAProcessThatIsNotAJvmSendsItNothing() throws Exception {
        // sleep dies of SIGQUIT, the signal HotSpot's attach sends to a process without an attach listener
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            String pid = Long.toString(sleep.pid());
            JarCli.Result attach = JarCli.run("attach", pid);
            assertEquals(1, attach.exitCode(), attach.toString());
            assertTrue(attach.err().startsWith("ringwatch attach: process " + pid + " is not a JVM of this user"),
                    attach.err());
            assertTrue(attach.err().contains("nothing was sent to it"), attach.err());
            assertTrue(!sleep.waitFor(1, TimeUnit.SECONDS), "the attach killed the non-JVM process " + pid);
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void attachAdoptsExistingRings_tracksNewOnes_listShowsThePid_badPidsSaySo() throws Exception {
        Path dir = ChildJvm.runDir("attach-cli");
        String cp = ChildProcess.location(IoUring.class) + File.pathSeparator + ChildProcess.location(Child.class)
                + File.pathSeparator + ChildProcess.location(dev.ringwatch.testsupport.TestLibc.class);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+EnableDynamicAgentLoading", "-Xmx256m", "-cp", cp,
                AttachTarget.class.getName());
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            String pid = Long.toString(child.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).contains("CHILD READY=") && System.nanoTime() < deadline) {
                assertTrue(child.isAlive(), "child exited early: " + Files.readString(err));
                Thread.sleep(50);
            }
            assertTrue(Files.readString(out).contains("CHILD READY=" + pid), Files.readString(out));

            JarCli.Result list = JarCli.run("list");
            assertEquals(0, list.exitCode(), list.toString());
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(pid + "\t" + AttachTarget.class.getName())),
                    list.out());

            JarCli.Result attach = JarCli.run("attach", pid, "reconcilePeriod=200ms");
            assertEquals(0, attach.exitCode(), attach.toString());
            assertTrue(attach.out().startsWith("ringwatch attach: loaded "), attach.out());

            JarCli.Result again = JarCli.run("attach", pid);
            assertEquals(3, again.exitCode(), again.toString());
            assertTrue(again.err().startsWith("ringwatch attach: the ringwatch agent is already loaded in process "
                    + pid), again.err());

            JarCli.Result notANumber = JarCli.run("attach", "12ab");
            assertEquals(2, notANumber.exitCode(), notANumber.toString());
            assertTrue(notANumber.err().startsWith("ringwatch attach: '12ab' is not a process id"), notANumber.err());

            Process gone = new ProcessBuilder("true").start();
            gone.waitFor(10, TimeUnit.SECONDS);
            JarCli.Result noSuch = JarCli.run("attach", Long.toString(gone.pid()));
            assertEquals(1, noSuch.exitCode(), noSuch.toString());
            assertEquals("ringwatch attach: no process " + gone.pid() + " is running\n", noSuch.err());

            Files.writeString(dir.resolve("go"), "");
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not finish");
        } finally {
            child.destroyForcibly();
        }
        ChildRun run = new ChildRun("attach-cli", dir, child.exitValue(), Files.readString(out), Files.readString(err),
                null);
        assertEquals(0, run.exitCode(), run.where());
        assertEquals(1, run.logRecords("ringwatch: attached; adopted 2 io_uring rings").size(), run.where());
        assertEquals("0", run.value("LEAKS_BEFORE"), "adopted rings are not leaks; " + run.where());
        assertEquals("1", run.value("LIVE_RINGS"), "the ring made after the attach is tracked; " + run.where());
        List<String> untracked = run.logRecords("ringwatch UNTRACKED ");
        assertEquals(1, untracked.size(), run.where());
        assertTrue(untracked.getFirst().contains("io_uring fd " + run.value("RAW_AFTER_FD") + " "), untracked.getFirst());
        assertEquals(List.of(), run.leakLines("untracked ring"), "it holds no SQPOLL thread, no slot; " + run.where());
        assertEquals("0", run.value("LEAKS"), "untracked is not leaked; " + run.where());
    }
}
