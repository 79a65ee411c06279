package dev.ringwatch.agent.cli;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a process is a HotSpot JVM, decided before attaching: HotSpot's attach sends SIGQUIT to a target
 * that has no attach listener yet, and a process that is not a JVM (a {@code timeout} or shell wrapper) dies
 * of it or passes it on to its child JVM, which then prints a thread dump.
 */
final class JvmProcess {
    private JvmProcess() {
    }

    /**
     * True when the JVMs this user may attach to list {@code pid}, or its memory maps hold libjvm.so (a JVM
     * started with -XX:-UsePerfData is not listed but still maps its VM library).
     */
    static boolean isJvm(String pid) {
        if (VirtualMachine.list().stream().anyMatch(d -> d.id().equals(pid))) {
            return true;
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc", pid, "maps"))) {
            return maps.anyMatch(line -> line.endsWith("/libjvm.so"));
        } catch (IOException | UncheckedIOException e) {
            return false;   // gone, or another user's: neither can be attached to
        }
    }
}
