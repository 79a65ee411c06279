package dev.ringwatch.agent;

/**
 * {@code -javaagent:ringwatch-agent.jar[=options]} (premain) and dynamic attach (agentmain). Deliberately
 * tiny: everything happens in {@link AgentRuntime}; whatever goes wrong there ends in one log line and
 * the application runs on untouched.
 */
public final class RingwatchAgent {
    private RingwatchAgent() {
    }

    public static void premain(String args, java.lang.instrument.Instrumentation inst) {
        AgentRuntime.startOrExplain(args, inst, false);
    }

    public static void agentmain(String args, java.lang.instrument.Instrumentation inst) {
        AgentRuntime.startOrExplain(args, inst, true);
    }
}
