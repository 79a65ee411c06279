package dev.ringwatch.agent.adapter.netty;

import dev.ringwatch.agent.adapter.TransformerInstall;
import dev.ringwatch.agent.log.AgentLog;

import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Hands Netty's io_uring classes ({@link NettyTarget}, any shading prefix) to {@link NettyWeaver} in whichever
 * class loader loads them, and leaves every other class alone after a string check. Nothing of ASM is loaded
 * until the first Netty io_uring class is.
 */
public final class NettyTransformer implements ClassFileTransformer {

    /** Installs the transformer; with {@code retransform}, also weaves Netty classes loaded already. */
    public static void install(Instrumentation inst, boolean retransform) {
        // load the matcher before the transformer exists: loaded inside transform(), it would be asked to match
        // itself while being defined (a duplicate definition on an attach's retransform)
        NettyTarget.match(NettyTarget.class.getName().replace('.', '/'));
        // no lambda or method reference: the first one's bootstrap costs the JVM tens of milliseconds of start-up
        TransformerInstall.install(inst, new NettyTransformer(), retransform, new java.util.function.Predicate<>() {
            @Override
            public boolean test(String internalName) {
                return NettyTarget.match(internalName) != null;
            }
        }, "Netty rings it makes or closes are not tracked");
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        NettyTarget.Match m = NettyTarget.match(className);
        if (m == null) {
            return null;
        }
        String name = className.replace('/', '.');
        try {
            if (!TransformerInstall.canWeave(loader, name, NettyHooks.class)) {
                return null;
            }
            NettyWeaver.Result r = NettyWeaver.weave(bytes, m);
            if (r.bytes() == null) {
                AgentLog.log(Level.WARNING, "ringwatch: " + name + " has none of the methods the agent instruments (a"
                        + " Netty version it does not know?); " + m.library() + " rings may not be tracked");
                return null;
            }
            if (AgentLog.enabled(Level.DEBUG)) {
                AgentLog.log(Level.DEBUG, "ringwatch: instrumented " + name + " " + r.woven() + " loaded by " + loader);
            }
            return r.bytes();
        } catch (Throwable e) {
            AgentLog.log(Level.ERROR, "ringwatch: could not instrument " + name + " (" + e + "); the application runs"
                    + " on without tracking " + m.library() + " rings", e);
            return null;
        }
    }
}
