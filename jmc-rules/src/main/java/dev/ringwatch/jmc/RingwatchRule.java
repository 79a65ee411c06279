package dev.ringwatch.jmc;

import dev.ringwatch.jfr.RingStatisticsEvent;
import java.util.List;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.AbstractRule;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.RequiredEventsBuilder;

/**
 * What every ringwatch rule shares: the topic, and "not applicable" when the recording cannot answer the
 * rule's question. A recording made with the ringwatch agent always knows the periodic RingStatistics event
 * type (the agent registers it at start), while the leak event types appear only once a leak was reported:
 * so the presence of RingStatistics says "recorded with ringwatch", and a clean recording is OK, not N/A.
 * A finding event that the recording's settings switched off makes the rule N/A too. JMC's engine checks
 * {@link #getRequiredEvents()} itself; the rule checks again so that a direct caller gets the same answer.
 */
abstract class RingwatchRule extends AbstractRule {
    static final String TOPIC = "ringwatch";
    /** Registered by the agent at start, so known in every recording the agent took part in. */
    static final String AGENT_PRESENCE = RingStatisticsEvent.NAME;

    private final String presenceEvent;
    private final String findingEvent;

    RingwatchRule(String id, String name, String presenceEvent, String findingEvent) {
        super(id, name, TOPIC, List.of(), List.of(),
                RequiredEventsBuilder.create().addEventType(presenceEvent, EventAvailability.NONE).build());
        this.presenceEvent = presenceEvent;
        this.findingEvent = findingEvent;
    }

    @Override
    protected final IResult getResult(IItemCollection items, IPreferenceValueProvider preferences,
            IResultValueProvider dependencyResults) {
        ResultBuilder result = ResultBuilder.createFor(this, preferences);
        if (RulesToolkit.getEventAvailability(items, presenceEvent).isLessAvailableThan(EventAvailability.NONE)) {
            return result.setSeverity(Severity.NA)
                    .setSummary("This recording has no " + presenceEvent + " event type: " + notApplicableWhy())
                    .setExplanation("Run the application with -javaagent:ringwatch-agent.jar and record with"
                            + " ringwatch.jfc (inside the agent jar), or with the agent option jfr=FILE.")
                    .build();
        }
        if (RulesToolkit.getEventAvailability(items, findingEvent) == EventAvailability.DISABLED) {
            return result.setSeverity(Severity.NA)
                    .setSummary("The recording's settings switched " + findingEvent + " off, so this rule cannot"
                            + " tell whether anything leaked.")
                    .setExplanation("Record with ringwatch.jfc, or enable " + findingEvent + " in your settings.")
                    .build();
        }
        return evaluate(items, result);
    }

    /** Why the event type may be missing, for the not-applicable summary. */
    String notApplicableWhy() {
        return "it was not recorded with the ringwatch agent.";
    }

    /** Fills in severity, summary, explanation and solution from the recording's events. */
    abstract IResult evaluate(IItemCollection items, ResultBuilder result);

    /** The all-clear: nothing of this rule's kind happened in the recording. */
    static IResult nothingFound(ResultBuilder result, String summary) {
        return result.setSeverity(Severity.OK).setSummary(summary).build();
    }

    /** A finding: what the recording shows, why it matters, and what to do about it. */
    static IResult found(ResultBuilder result, Severity severity, String summary, String explanation,
            String solution) {
        return result.setSeverity(severity).setSummary(summary).setExplanation(explanation).setSolution(solution)
                .build();
    }
}
