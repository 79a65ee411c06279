package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.agent.track.Hooks;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.List;
import java.util.Map;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * ring-core's instrumentation points (see RINGCORE-API.md) and the advice each one gets. Initialised only
 * when a ring-core class is woven: its matchers load ByteBuddy.
 */
final class InstrumentationPoints {
    static final String IO_URING = "dev.ringwatch.ring.IoUring";
    static final String FILE_TABLE = "dev.ringwatch.ring.FileTable";
    static final String SQE = "dev.ringwatch.ring.Sqe";
    private static final String FIXED_FILE = "dev.ringwatch.ring.FixedFile";
    /** Advice classes go by name: loading them in the agent's class loader would need ring-core there. */
    private static final String ADVICE = "dev.ringwatch.agent.adapter.ringcore.";

    /**
     * One point: a method, how to match it, and the advice class (by name: ByteBuddy reads its bytecode); for
     * {@link SqeAdvice.InFlightArmed}, the {@code Hooks.OP_*} it binds to the advice's {@link ArmedOp}
     * parameter (null for the other advice).
     */
    record Point(String method, ElementMatcher<? super MethodDescription> matcher, String advice, Integer op) {
        Point(String method, ElementMatcher<? super MethodDescription> matcher, String advice) {
            this(method, matcher, advice, null);
        }
    }

    static final Map<String, List<Point>> BY_CLASS = Map.of(
            IO_URING, List.of(
                    new Point("open", named("open").and(isStatic()).and(takesArguments(1)),
                            ADVICE + "IoUringAdvice$Open"),
                    new Point("closeResources", named("closeResources").and(not(isStatic())).and(takesArguments(0)),
                            ADVICE + "IoUringAdvice$Close")),
            FILE_TABLE, List.of(
                    new Point("occupy", named("occupy").and(takesArguments(4)),
                            ADVICE + "FileTableAdvice$Occupy"),
                    new Point("vacate", named("vacate").and(takesArguments(1)),
                            ADVICE + "FileTableAdvice$Vacate"),
                    new Point("dropConfirmed", named("dropConfirmed").and(takesArguments(2)),
                            ADVICE + "FileTableAdvice$DropConfirmed")),
            SQE, List.of(
                    onFixedFile("pollAdd", Hooks.OP_POLL),
                    onFixedFile("pollMultishot", Hooks.OP_POLL_MULTISHOT),
                    onFixedFile("acceptMultishot", Hooks.OP_ACCEPT_MULTISHOT),
                    onFixedFile("acceptMultishotDirect", Hooks.OP_ACCEPT_MULTISHOT_DIRECT)));

    /** {@code Sqe <method>(FixedFile, int)}: the long-lived op preps on a fixed file, not their fd overloads. */
    private static Point onFixedFile(String method, int op) {
        return new Point(method + "(FixedFile,int)", named(method).and(takesArguments(2))
                .and(takesArgument(0, named(FIXED_FILE))).and(takesArgument(1, int.class)),
                ADVICE + "SqeAdvice$InFlightArmed", op);
    }

    private InstrumentationPoints() {
    }
}
