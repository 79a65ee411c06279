package dev.ringwatch.agent.adapter.ringcore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time tool: weaves the ring-core classes on this class path and stores the results where
 * {@link PreWoven} finds them. Run by the agent's build (process-classes) with the output directory as
 * the only argument.
 */
public final class PreWeave {
    private PreWeave() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PreWeave <classes output directory>");
        }
        Path out = Path.of(args[0]);
        ClassLoader loader = PreWeave.class.getClassLoader();
        for (String className : InstrumentationPoints.BY_CLASS.keySet()) {
            String resource = className.replace('.', '/') + ".class";
            byte[] original;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException(resource + " is not on the class path: the build must put ring-core there");
                }
                original = in.readAllBytes();
            }
            RingCoreWeaver.Result r = RingCoreWeaver.weave(className, original, RingCoreWeaver.locatorFor(loader));
            if (!r.missing().isEmpty()) {
                throw new IllegalStateException("ring-core lacks instrumentation points " + r.missing());
            }
            String key = PreWoven.key(className, original);
            Path file = out.resolve(PreWoven.wovenResource(key));
            Files.createDirectories(file.getParent());
            Files.write(out.resolve(PreWoven.originalResource(key)), original);
            Files.write(file, r.bytes());
            System.out.println("[ringwatch] pre-woven " + className + " -> " + out.relativize(file));
        }
    }
}
