package dev.ringwatch.agent.it;

import dev.ringwatch.programs.DroppedRing;
import dev.ringwatch.programs.ReclaimSlot;
import dev.ringwatch.ring.IoUring;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent weaves at build time the ring-core it was built with, and any other ring-core with ByteBuddy
 * at run time. Both paths must track alike.
 */
class RuntimeWeavingIT {

    @Test
    void ringCoreOfThisBuildUsesTheBuildTimeWeave() throws Exception {
        ChildRun run = ChildJvm.of("weave-prewoven", DroppedRing.class).agentOptions("logLevel=debug")
                .jvmArg("-Djava.util.logging.config.file=" + julConfig("weave-prewoven-logging")).run();
        assertTrue(run.stderr().contains("ringwatch: instrumented dev.ringwatch.ring.IoUring (woven at build time)"),
                run.where());
        assertEquals(1, run.leakLines("ring outlived owner").size(), run.where());
    }

    @Test
    void otherRingCoreBuildIsWovenAtRunTimeAndTrackedAlike() throws Exception {
        Path classes = ChildJvm.runDir("weave-runtime-classes");
        rebuild(classes, "dev/ringwatch/ring/IoUring");
        rebuild(classes, "dev/ringwatch/ring/FileTable");
        rebuild(classes, "dev/ringwatch/ring/Sqe");
        ChildRun run = ChildJvm.of("weave-runtime", ReclaimSlot.class).classpathFirst(classes)
                .agentOptions("logLevel=debug,reclaim=true")
                .jvmArg("-Djava.util.logging.config.file=" + julConfig("weave-runtime-logging")).run();
        assertEquals(0, run.exitCode(), run.where());
        assertTrue(run.stderr().contains("ringwatch: instrumented dev.ringwatch.ring.IoUring loaded by"), run.where());
        assertTrue(run.stderr().contains("ringwatch: instrumented dev.ringwatch.ring.FileTable loaded by"), run.where());
        assertTrue(!run.stderr().contains("woven at build time"), run.where());
        assertEquals(1, run.leakLines("slot outlived owner").size(), run.where());
        assertEquals("true", run.value("FREED"), "reclaim works through the runtime weave too; " + run.where());
        assertEquals(1, run.events("dev.ringwatch.RingCreated").size());
    }

    /** The same class with another SourceFile attribute: equivalent code, different bytes. */
    private static void rebuild(Path out, String internalName) throws Exception {
        byte[] original;
        try (InputStream in = IoUring.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            original = in.readAllBytes();
        }
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitSource(String source, String debug) {
                super.visitSource("Rebuilt" + source, debug);
            }
        }, 0);
        Path file = out.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }

    private static Path julConfig(String label) throws Exception {
        Path f = ChildJvm.runDir(label).resolve("logging.properties");
        Files.writeString(f, "handlers=java.util.logging.ConsoleHandler\n.level=INFO\ndev.ringwatch.level=ALL\n"
                + "java.util.logging.ConsoleHandler.level=ALL\n");
        return f;
    }
}
