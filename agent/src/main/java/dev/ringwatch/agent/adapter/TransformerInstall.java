package dev.ringwatch.agent.adapter;

import dev.ringwatch.agent.log.AgentLog;

import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.function.Predicate;

/** What every adapter's transformer does alike: install (and retransform what is loaded), check the loader. */
public final class TransformerInstall {
    private TransformerInstall() {
    }

    /**
     * Adds {@code t}; with {@code retransform} (an attach), also weaves the classes already loaded whose internal
     * name {@code isTarget} accepts. {@code lost} says what a class that cannot be woven means, for its line.
     */
    public static void install(Instrumentation inst, ClassFileTransformer t, boolean retransform,
                               Predicate<String> isTarget, String lost) {
        boolean re = retransform && inst.isRetransformClassesSupported();
        inst.addTransformer(t, re);
        if (!re) {
            return;
        }
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (isTarget.test(c.getName().replace('.', '/'))) {
                try {
                    inst.retransformClasses(c);
                } catch (Throwable e) {
                    AgentLog.log(Level.WARNING, "ringwatch: could not instrument the already loaded " + c.getName()
                            + ": " + e + "; " + lost);
                }
            }
        }
    }

    /**
     * Whether class {@code name} of {@code loader} can be woven: whether the loader sees the agent's {@code hooks}
     * (see {@link #seesAgent}). When it does not, says so in one line: its rings are not tracked.
     */
    public static boolean canWeave(ClassLoader loader, String name, Class<?> hooks) {
        if (seesAgent(loader, hooks)) {
            return true;
        }
        AgentLog.log(Level.WARNING, "ringwatch: " + name + " is loaded by " + loader + ", which does not see the"
                + " agent's classes (the agent jar must be on the system class path); its rings are not tracked");
        return false;
    }

    /**
     * Whether classes of {@code loader} resolve {@code hooks} to the agent's own class (the agent jar is on the
     * system class path and the loader delegates there): woven code calls it by name.
     */
    static boolean seesAgent(ClassLoader loader, Class<?> hooks) {
        if (loader == null) {
            return false;
        }
        try {
            return Class.forName(hooks.getName(), false, loader) == hooks;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
