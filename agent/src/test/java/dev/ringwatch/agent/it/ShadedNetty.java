package dev.ringwatch.agent.it;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * An application jar with Netty relocated under {@value #PREFIX} the way a shading build does it: every class
 * of Netty's jars and of the Netty test programs, with references to {@code io/netty/} rewritten, and the native
 * library renamed to the relocated prefix ({@code lib<prefix>_netty_transport_native_io_uring42_x86_64.so}, the
 * name Netty's NativeLibraryLoader derives from its own relocated class name).
 */
final class ShadedNetty {
    static final String PREFIX = "shaded/acme/";
    private static final String NATIVE = "META-INF/native/libnetty_transport_native_io_uring42_x86_64.so";
    private static final String NATIVE_SHADED = "META-INF/native/lib" + PREFIX.replace('/', '_')
            + "netty_transport_native_io_uring42_x86_64.so";

    private ShadedNetty() {
    }

    /** Writes the jar (once per run directory) and returns it. */
    static Path jar(Path dir, Path programs) throws IOException {
        Path jar = dir.resolve("app-with-shaded-netty.jar");
        Set<String> seen = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path nettyJar : NettyJars.all()) {
                copyJar(nettyJar, out, seen);
            }
            try (var files = Files.walk(programs.resolve("dev/ringwatch/programs/netty"))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = programs.relativize(p).toString();
                    put(out, name, relocate(Files.readAllBytes(p)), seen);
                }
            }
        }
        return jar;
    }

    private static void copyJar(Path jar, JarOutputStream out, Set<String> seen) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || name.startsWith("META-INF/versions/") || name.equals("META-INF/MANIFEST.MF")
                        || name.endsWith("module-info.class")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (name.startsWith("io/netty/") && name.endsWith(".class")) {
                    put(out, PREFIX + name, relocate(bytes), seen);
                } else if (name.equals(NATIVE)) {
                    put(out, NATIVE_SHADED, bytes, seen);
                } else if (!name.startsWith("META-INF/native/")) {
                    put(out, name, bytes, seen);
                }
            }
        }
    }

    private static byte[] relocate(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                return internalName.startsWith("io/netty/") ? PREFIX + internalName : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }

    private static void put(JarOutputStream out, String name, byte[] bytes, Set<String> seen) throws IOException {
        if (seen.add(name)) {
            out.putNextEntry(new JarEntry(name));
            out.write(bytes);
            out.closeEntry();
        }
    }

    static List<String> classNames() {
        return List.of(PREFIX.replace('/', '.') + "io.netty.channel.uring.RingBuffer");
    }
}
