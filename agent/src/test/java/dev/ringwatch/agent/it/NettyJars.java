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

    private NettyJars() {
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
