package dev.ringwatch.junit;

/** The one message an annotated class fails with when the agent cannot answer. */
final class MissingAgent {
    private static final String HOW = """
            Add it to the JVM that runs the tests (slotStacks=all records where every slot was registered):
              Maven Surefire/Failsafe:  <argLine>-javaagent:/path/to/ringwatch-agent.jar=slotStacks=all</argLine>
              Gradle:                   tasks.test { jvmArgs("-javaagent:/path/to/ringwatch-agent.jar=slotStacks=all") }
              IDE or plain java:        -javaagent:/path/to/ringwatch-agent.jar=slotStacks=all among the VM options
            The extension does not load the agent itself: loading an agent into a running JVM makes it print a \
            warning (unless -XX:+EnableDynamicAgentLoading), and the rings opened before would go unseen.""";

    private MissingAgent() {
    }

    static String notLoaded() {
        return "ringwatch: @RingLeakCheck needs the ringwatch agent in the test JVM, and it is not loaded ("
                + AgentProbe.PROBE_CLASS + " is not on the system class path).\n" + HOW;
    }

    static String notTracking() {
        return "ringwatch: @RingLeakCheck needs the ringwatch agent to track rings, and it does not in this JVM: it is"
                + " loaded but disabled (option enabled=false) or failed to start (see its 'ringwatch agent not started'"
                + " line on standard error).\n" + HOW;
    }

    static String incompatible(Throwable e) {
        return "ringwatch: @RingLeakCheck cannot use the ringwatch agent in this JVM (" + e + "): use the agent jar of"
                + " the same ringwatch version as ringwatch-junit.jar.\n" + HOW;
    }
}
