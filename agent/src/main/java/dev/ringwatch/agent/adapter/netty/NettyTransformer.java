package dev.ringwatch.agent.adapter.netty;

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
        boolean re = retransform && inst.isRetransformClassesSupported();
        inst.addTransformer(new NettyTransformer(), re);
        if (!re) {
            return;
        }
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (NettyTarget.match(c.getName().replace('.', '/')) != null) {
                try {
                    inst.retransformClasses(c);
                } catch (Throwable e) {
                    AgentLog.log(Level.WARNING, "ringwatch: could not instrument the already loaded " + c.getName()
                            + ": " + e + "; Netty rings it makes or closes are not tracked");
                }
            }
        }
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
            if (!seesHooks(loader)) {
                AgentLog.log(Level.WARNING, "ringwatch: " + name + " is loaded by " + loader + ", which does not see the"
                        + " agent's classes (the agent jar must be on the system class path); its rings are not tracked");
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

    private static boolean seesHooks(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            return Class.forName(NettyHooks.class.getName(), false, loader) == NettyHooks.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
