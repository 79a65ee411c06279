package dev.ringwatch.junit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's {@code dev.ringwatch.agent.probe.TestProbe}, reached through the system class loader (where
 * {@code -javaagent} puts the agent jar): this jar never contains or links against the agent. Looked up once
 * per JVM; when it is missing, {@link #problem()} says how to add the agent.
 */
final class AgentProbe {
    static final String PROBE_CLASS = "dev.ringwatch.agent.probe.TestProbe";
    private static final AgentProbe INSTANCE = find();

    private final MethodHandle mark;
    private final MethodHandle openedSince;
    private final String problem;

    private AgentProbe(MethodHandle mark, MethodHandle openedSince, String problem) {
        this.mark = mark;
        this.openedSince = openedSince;
        this.problem = problem;
    }

    static AgentProbe get() {
        return INSTANCE;
    }

    /** Why the check cannot run in this JVM, or null when it can. */
    String problem() {
        return problem;
    }

    Object mark() {
        try {
            return mark.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("ringwatch: the agent's TestProbe.mark() failed: " + e, e);
        }
    }

    /** What was opened since {@code mark} and is still open (or was reported as leaked). */
    List<OpenResource> openedSince(Object mark) {
        List<?> raw;
        try {
            raw = (List<?>) openedSince.invoke(mark);
        } catch (Throwable e) {
            throw new IllegalStateException("ringwatch: the agent's TestProbe.openedSince() failed: " + e, e);
        }
        List<OpenResource> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(OpenResource.of((Map<?, ?>) o));
        }
        return out;
    }

    private static AgentProbe find() {
        Class<?> probe;
        try {
            probe = Class.forName(PROBE_CLASS, true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new AgentProbe(null, null, MissingAgent.notLoaded());
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle tracking = lookup.findStatic(probe, "tracking", MethodType.methodType(boolean.class));
            MethodHandle mark = lookup.findStatic(probe, "mark", MethodType.methodType(Object.class));
            MethodHandle since = lookup.findStatic(probe, "openedSince", MethodType.methodType(List.class, Object.class));
            if (!(boolean) tracking.invoke()) {
                return new AgentProbe(null, null, MissingAgent.notTracking());
            }
            return new AgentProbe(mark, since, null);
        } catch (Throwable e) {
            return new AgentProbe(null, null, MissingAgent.incompatible(e));
        }
    }
}
