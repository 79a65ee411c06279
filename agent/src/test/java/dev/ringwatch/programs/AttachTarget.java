package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running JVM the agent is attached to from outside ({@code java -jar ringwatch-agent.jar attach <pid>}). It
 * opens a ring-core ring and a raw-syscall ring, prints READY, and waits (bounded) for the file {@code go} in
 * its working directory; then opens one ring of each kind more and prints what the agent counted.
 */
public final class AttachTarget {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        KEEP.add(IoUring.builder().entries(4).build());
        KEEP.add(RawCalls.ioUringSetup(4));
        Child.print("READY", ProcessHandle.current().pid());
        System.out.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(Path.of("go")) && System.nanoTime() < deadline) {
            Child.sleep(50);
        }
        KernelRules.awaitMBean();
        Child.sleep(1000); // rounds with only the adopted rings: nothing to report
        Child.print("LEAKS_BEFORE", Child.tracker("LeaksReported"));
        KEEP.add(IoUring.builder().entries(4).build());
        int raw = RawCalls.ioUringSetup(4);
        KEEP.add(raw);
        Child.print("RAW_AFTER_FD", raw);
        Child.print("LIVE_RINGS", Child.tracker("LiveRings"));
        KernelRules.awaitLeaks(1);
    }
}
