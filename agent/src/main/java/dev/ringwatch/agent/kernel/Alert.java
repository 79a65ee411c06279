package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakText;
import dev.ringwatch.agent.finding.Rule;

import java.util.Objects;

/**
 * One report handed to an {@link AlertSink}: which rule fired, what it found, and the log line that says so.
 *
 * @param rule    the rule (the kind of leak)
 * @param finding the structured facts, with the fields of the matching JFR event
 * @param logLine the WARNING line, {@code ringwatch LEAK <rule title>: ...}
 */
public record Alert(Rule rule, Finding finding, String logLine) {
    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(logLine, "logLine");
        if (finding.rule() != rule) {
            throw new IllegalArgumentException("finding " + finding.getClass().getSimpleName() + " belongs to rule "
                    + finding.rule() + ", not " + rule);
        }
    }

    /** The alert for {@code finding} with its standard log line. */
    public static Alert of(Finding finding) {
        return of(finding, LeakText.PLAIN);
    }

    /** The alert for {@code finding}, its log line worded by {@code wording}. */
    public static Alert of(Finding finding, LeakText wording) {
        return new Alert(finding.rule(), finding, wording.line(finding));
    }
}
