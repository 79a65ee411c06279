package dev.ringwatch.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

import java.lang.reflect.Method;

/**
 * The extension behind {@link RingLeakCheck}; it can also be registered for every test class by autodetection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}: this jar lists it in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}).
 *
 * <p>A window opens before everything else of its test (before a per-method test instance is made, else in
 * {@code BeforeEachCallback}, before {@code @BeforeEach} methods) or class ({@code BeforeAllCallback}, before {@code @BeforeAll} methods and usually before the class's
 * static initialisers run) and is checked after everything ({@code @AfterEach} / {@code @AfterAll}).
 * Configuration parameter {@value #WAIT_PARAMETER}: how long to wait for closes under way, default 1000 ms.
 */
public final class RingLeakExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, TestInstancePreConstructCallback {
    static final String WAIT_PARAMETER = "ringwatch.junit.closeWaitMillis";
    static final String REPORT_KEY = "ringwatch";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RingLeakExtension.class);
    private static final String WINDOW = "window";
    private static final String EARLY_MARK = "mark before the test instance";

    @Override
    public void beforeAll(ExtensionContext context) {
        AgentProbe probe = usableProbe();
        Window w = new Window(probe.mark(), context.getRequiredTestClass().getSimpleName(), true);
        context.getStore(NAMESPACE).put(WINDOW, RunningWindows.CLASSES.open(w));
    }

    /** Per-method test instances are made for their test: what their fields and constructor open is its. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        AgentProbe probe = AgentProbe.get();
        if (context.getTestMethod().isPresent() && probe.problem() == null) {
            context.getStore(NAMESPACE).put(EARLY_MARK, probe.mark());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AgentProbe probe = usableProbe(); // annotated on a method only: no class window said it already
        Object early = context.getStore(NAMESPACE).remove(EARLY_MARK);
        Window w = new Window(early != null ? early : probe.mark(), testLabel(context), false);
        context.getStore(NAMESPACE).put(WINDOW, RunningWindows.TESTS.open(w));
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        check(context, RunningWindows.TESTS);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        check(context, RunningWindows.CLASSES);
    }

    private static void check(ExtensionContext context, RunningWindows level) throws InterruptedException {
        Window w = context.getStore(NAMESPACE).remove(WINDOW, Window.class);
        if (w == null) {
            return; // its before-callback failed, and said why
        }
        LeakCheck.Result result;
        try {
            result = LeakCheck.run(AgentProbe.get(), w, level, waitMillis(context));
        } finally {
            level.close(w);
        }
        if (!result.clean()) {
            throw new AssertionError(FailureMessage.of(w, result));
        }
        context.publishReportEntry(REPORT_KEY, "no io_uring ring or fixed-file slot left open");
    }

    private static AgentProbe usableProbe() {
        AgentProbe probe = AgentProbe.get();
        if (probe.problem() != null) {
            throw new ExtensionConfigurationException(probe.problem());
        }
        return probe;
    }

    private static long waitMillis(ExtensionContext context) {
        String v = context.getConfigurationParameter(WAIT_PARAMETER).orElse(null);
        if (v == null) {
            return LeakCheck.DEFAULT_WAIT_MILLIS;
        }
        try {
            long ms = Long.parseLong(v.trim());
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ExtensionConfigurationException("ringwatch: configuration parameter " + WAIT_PARAMETER + "='" + v
                + "' is not a number of milliseconds >= 0");
    }

    /** e.g. {@code LeakyTests.leaksRing()}, with the invocation's display name for parameterized and repeated tests. */
    static String testLabel(ExtensionContext context) {
        Method m = context.getRequiredTestMethod();
        String label = context.getRequiredTestClass().getSimpleName() + "." + m.getName() + "()";
        String display = context.getDisplayName();
        return display.equals(m.getName() + "()") ? label : label + " [" + display + "]";
    }
}
