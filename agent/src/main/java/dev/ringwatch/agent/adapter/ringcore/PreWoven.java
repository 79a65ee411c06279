package dev.ringwatch.agent.adapter.ringcore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * ring-core classes woven at build time (by {@link PreWeave}) for the ring-core this agent was built with.
 * ByteBuddy's first weave costs a few hundred milliseconds of class loading; when the application's
 * ring-core class is byte for byte the one woven at build time, the transformer hands out the stored
 * result and ByteBuddy is never loaded. Any other ring-core is woven at run time as usual.
 *
 * <p>Entries are found by class name, length and CRC-32C of the original bytes, then confirmed by
 * comparing the whole original (stored beside the woven form): no cryptographic digest, whose provider
 * set-up alone would cost tens of milliseconds.
 */
final class PreWoven {
    static final String DIR = "META-INF/ringwatch/prewoven/";

    private PreWoven() {
    }

    /** Resource name prefix of the entry for {@code className} with bytes {@code original}. */
    static String key(String className, byte[] original) {
        CRC32C crc = new CRC32C();
        crc.update(original);
        return DIR + className + "-" + original.length + "-" + Long.toHexString(crc.getValue());
    }

    static String originalResource(String key) {
        return key + ".original";
    }

    static String wovenResource(String key) {
        return key + ".woven";
    }

    /** The stored woven bytes for exactly {@code original}, or null. */
    static byte[] lookup(String className, byte[] original) {
        String key = key(className, original);
        byte[] stored = read(originalResource(key));
        if (stored == null || !Arrays.equals(stored, original)) {
            return null;
        }
        return read(wovenResource(key));
    }

    private static byte[] read(String resource) {
        try (InputStream in = PreWoven.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
