package dev.ringwatch.agent.it;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Netty 4.2's io_uring transport as the tests' class path has it (test-scoped dependencies), for child JVMs. */
final class NettyJars {
    /** One class of each jar the transport needs, in dependency order. */
    private static final List<String> ONE_CLASS_EACH = List.of("io.netty.util.Version", "io.netty.buffer.ByteBuf",
            "io.netty.resolver.AddressResolver", "io.netty.channel.Channel", "io.netty.channel.unix.Socket",
            "io.netty.channel.uring.IoUring");
    static final String NATIVE_LIBRARY = "META-INF/native/libnetty_transport_native_io_uring42_x86_64.so";

    /** The JDK 17 the Netty tests also run on (Netty users run 17 and 21 as much as 25). */
    static final Path JDK_17 = Path.of(System.getProperty("ringwatch.test.jdk17", "/usr/lib/jvm/java-17-openjdk-amd64"));

    private NettyJars() {
    }

    /** A child JVM running {@code program} with Netty on its class path, on the tests' JDK or ({@code jdk17}) on 17. */
    static ChildJvm child(String label, Class<?> program, boolean jdk17, String... args) {
        ChildJvm c = ChildJvm.of(label + (jdk17 ? "-jdk17" : ""), program, args).classpathLast(all());
        if (jdk17) {
            if (!java.nio.file.Files.isExecutable(JDK_17.resolve("bin/java"))) {
                throw new IllegalStateException("no JDK 17 at " + JDK_17 + " (set -Dringwatch.test.jdk17=<its home>)");
            }
            c.javaHome(JDK_17);
        }
        return c;
    }

    static List<Path> all() {
        List<Path> jars = new ArrayList<>();
        try {
            for (String name : ONE_CLASS_EACH) {
                jars.add(Path.of(Class.forName(name, false, NettyJars.class.getClassLoader())
                        .getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            jars.add(nativeJar());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("Netty's io_uring transport is not on the test class path", e);
        }
        return jars;
    }

    static Path nativeJar() throws URISyntaxException {
        URL url = NettyJars.class.getClassLoader().getResource(NATIVE_LIBRARY);
        if (url == null || !url.getProtocol().equals("jar")) {
            throw new IllegalStateException(NATIVE_LIBRARY + " is not on the test class path (the linux-x86_64 jar)");
        }
        String jar = url.getPath().substring(0, url.getPath().indexOf("!/"));
        return Path.of(new java.net.URI(jar));
    }
}
