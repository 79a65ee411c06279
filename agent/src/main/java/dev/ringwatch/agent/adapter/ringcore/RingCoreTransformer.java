package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.agent.adapter.TransformerInstall;
import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.agent.log.AgentLog;

import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Hands ring-core's {@code IoUring}, {@code FileTable} and {@code Sqe} to the weaver and leaves every other class
 * alone: the check is a string comparison, so the JDK, the agent itself, its shaded libraries and the
 * rest of the application pass untouched and ByteBuddy is not even loaded until ring-core is.
 */
public final class RingCoreTransformer implements ClassFileTransformer {
    private static final String IO_URING = "dev/ringwatch/ring/IoUring";
    private static final String FILE_TABLE = "dev/ringwatch/ring/FileTable";
    private static final String SQE = "dev/ringwatch/ring/Sqe";

    /**
     * Whether to weave {@code internalName}. Runs for every class the JVM loads, so it touches nothing that
     * could need loading or initialising (which would re-enter the transformer).
     */
    static boolean isTarget(String internalName) {
        return IO_URING.equals(internalName) || FILE_TABLE.equals(internalName) || SQE.equals(internalName);
    }

    /** Installs the transformer; with {@code retransform}, also weaves ring-core classes loaded already. */
    public static void install(Instrumentation inst, boolean retransform) {
        // no lambda or method reference: the first one's bootstrap costs the JVM tens of milliseconds of start-up
        TransformerInstall.install(inst, new RingCoreTransformer(), retransform, new java.util.function.Predicate<>() {
            @Override
            public boolean test(String internalName) {
                return isTarget(internalName);
            }
        }, "rings it makes are not tracked");
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (!isTarget(className)) {
            return null;
        }
        String name = className.replace('/', '.');
        try {
            if (!TransformerInstall.canWeave(loader, name, Hooks.class)) {
                return null;
            }
            byte[] stored = PreWoven.lookup(name, bytes);
            if (stored != null) {
                AgentLog.log(Level.DEBUG, "ringwatch: instrumented " + name + " (woven at build time) loaded by " + loader);
                return stored;
            }
            RingCoreWeaver.Result r = RingCoreWeaver.weave(name, bytes, RingCoreWeaver.locatorFor(loader));
            if (!r.missing().isEmpty()) {
                AgentLog.log(Level.WARNING, "ringwatch: this ring-core lacks the instrumentation points " + r.missing()
                        + "; what passes through them is not tracked (agent and ring-core versions differ?)");
            }
            AgentLog.log(Level.DEBUG, "ringwatch: instrumented " + name + " loaded by " + loader);
            return r.bytes();
        } catch (Throwable e) {
            AgentLog.log(Level.ERROR, "ringwatch: could not instrument " + name + " (" + e + "); the application runs"
                    + " on without ring tracking", e);
            return null;
        }
    }
}
