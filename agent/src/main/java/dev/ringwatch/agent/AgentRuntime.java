package dev.ringwatch.agent;

import dev.ringwatch.agent.adapter.netty.NettyTransformer;
import dev.ringwatch.agent.cli.AttachCommand;
import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.AgentStartException;
import dev.ringwatch.agent.config.OptionParser;
import dev.ringwatch.agent.jmx.DeferredRegistration;
import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.alert.ExitSummary;
import dev.ringwatch.agent.alert.JfrHooks;
import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.agent.alert.JsonLines;
import dev.ringwatch.agent.alert.LeakLogThrottle;
import dev.ringwatch.agent.alert.OwnRecording;
import dev.ringwatch.agent.alert.Reporter;
import dev.ringwatch.agent.track.LeakWatcher;
import dev.ringwatch.agent.track.Tracker;

import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Starts the agent: options, tracker, reporting, the tracker's thread, the exit hook, the transformer. */
final class AgentRuntime {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** What the reconciler's last rounds at exit may take at most: shutdown never waits longer for them. */
    private static final Duration EXIT_CHECK_BUDGET = Duration.ofSeconds(1);
    /** The JDK that ring-core and the agent's FFM parts need. */
    private static final int RING_CORE_JDK = 25;

    private AgentRuntime() {
    }

    static void startOrExplain(String args, Instrumentation inst, boolean attached) {
        try {
            if (!STARTED.compareAndSet(false, true)) {
                AgentLog.log(Level.WARNING, "ringwatch: the agent is loaded twice; the second one does nothing");
                return;
            }
            // lets a later 'attach' see that the agent runs here (not an option: not under ringwatch.*)
            System.setProperty(AttachCommand.LOADED_PROPERTY, attached ? "attached" : "-javaagent");
            start(args, inst, attached);
        } catch (AgentStartException e) {
            Hooks.install(null);
            AgentLog.log(Level.ERROR, "ringwatch agent not started: " + e.getMessage()
                    + "; the application runs without it");
        } catch (Throwable e) {
            Hooks.install(null);
            AgentLog.log(Level.ERROR, "ringwatch agent not started: " + e + "; the application runs without it");
        }
    }

    private static void start(String args, Instrumentation inst, boolean attached) throws Exception {
        OptionParser.Parsed parsed = new OptionParser().parse(args, System.getProperties());
        AgentOptions o = parsed.options();
        AgentLog.threshold(o.logLevel());
        for (String problem : parsed.problems()) {
            AgentLog.log(Level.WARNING, problem);
        }
        if (!o.enabled()) {
            AgentLog.log(Level.DEBUG, "ringwatch agent disabled (option enabled=false): nothing is instrumented");
            return;
        }
        Tracker tracker = new Tracker(o, null);
        JsonLines json = o.jsonLog() == null ? null : new JsonLines(o.jsonLog());
        LeakLogThrottle throttle = new LeakLogThrottle(o.logBurst(), o.logPeriod(), new Consumer<String>() {
            @Override
            public void accept(String line) {
                AgentLog.log(Level.WARNING, line);
            }
        });
        Reporter reporter = new Reporter(o, json, throttle);
        tracker.listener(reporter);

        ExitSummary exit = new ExitSummary(tracker, reporter, json, o.exitSummary());
        // The JFR callbacks must be registered before the agent's own recording initialises JFR.
        try {
            JfrHooks.register(tracker, exit);
            StatisticsPeriod.follow(o.reconcilePeriod());
        } catch (LinkageError noJfr) {
            AgentLog.log(Level.WARNING, "ringwatch: this JVM has no JDK Flight Recorder (" + noJfr
                    + "); leaks are still logged, but no JFR events are recorded");
        }
        if (o.jfr() != null) {
            try {
                OwnRecording.start(o.jfr());
            } catch (Exception | LinkageError e) {
                AgentLog.log(Level.WARNING, "ringwatch: cannot start the JFR recording for jfr=" + o.jfr() + " (" + e
                        + "); the agent runs without it");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() { // no lambda: its bootstrap costs start-up
            @Override
            public void run() {
                exit.onShutdown();
            }
        }, "ringwatch-exit"));

        Runnable register = o.jmx() ? new DeferredRegistration(tracker) : null;
        AgentLog.startLine(StartLine.of(parsed, attached, Runtime.version().feature() >= RING_CORE_JDK));
        LeakWatcher.start(tracker, new Runnable() { // about once a second
            @Override
            public void run() {
                AgentLog.flushStartLine();
                throttle.flush(false);
                if (register != null) {
                    register.run();
                }
            }
        });
        Hooks.install(tracker);
        startRingCoreAdapter(inst, attached);
        NettyTransformer.install(inst, attached);
        // after the transformer: an attach adopts every ring that exists once ring-core is instrumented
        KernelWatch kernel = KernelWatch.startOrExplain(o, tracker, json, throttle, attached);
        exit.beforeSummary(new Runnable() {
            @Override
            public void run() {
                AgentLog.flushStartLine(); // a JVM that exits within its first second still says the agent ran
                // a JVM that lives less than a few periods still gets the kernel's view checked once at exit
                kernel.finalRounds(EXIT_CHECK_BUDGET);
                throttle.flush(true);
            }
        });
        if (AgentLog.enabled(Level.DEBUG)) {
            AgentLog.log(Level.DEBUG, "ringwatch agent started: " + o);
        }
    }

    /**
     * ring-core's adapter is compiled for JDK 25 (ring-core needs its FFM API; its classes are of release 25):
     * loaded by name on a JDK 25+ only, so that the agent starts on 17 and 21 too and says once what it lacks.
     */
    private static void startRingCoreAdapter(Instrumentation inst, boolean attached) throws Exception {
        int feature = Runtime.version().feature();
        if (feature < RING_CORE_JDK) {
            AgentLog.log(Level.INFO, "ringwatch: on JDK " + feature + " the agent tracks Netty's io_uring rings;"
                    + " not available before JDK " + RING_CORE_JDK + ": rings made through ring-core (it needs JDK "
                    + RING_CORE_JDK + "'s FFM API) and reclaim's unmapping of collected rings");
            return;
        }
        try {
            Class.forName("dev.ringwatch.agent.adapter.ringcore.RingCoreTransformer")
                    .getMethod("install", Instrumentation.class, boolean.class).invoke(null, inst, attached);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
