package dev.ringwatch.junit;

import dev.ringwatch.junit.fixtures.CleanFixture;
import dev.ringwatch.junit.fixtures.LeakyFixture;
import dev.ringwatch.junit.fixtures.MethodLevelFixture;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** This JVM runs without the agent (surefire gives none): the fixtures must say how to add it, once per class. */
class MissingAgentTest {

    @Test
    void everyAnnotatedClassFailsOnceSayingHowToAddTheAgentAndRunsNoTest() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(CleanFixture.class), selectClass(LeakyFixture.class))
                .execute();

        List<Event> failedClasses = results.containerEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getSource().orElse(null) instanceof ClassSource)
                .toList();
        assertEquals(2, failedClasses.size(), "one failure per annotated class");
        for (Event e : failedClasses) {
            String message = message(e);
            assertTrue(message.startsWith("ringwatch: @RingLeakCheck needs the ringwatch agent in the test JVM, and it"
                    + " is not loaded"), message);
            assertTrue(message.contains("<argLine>-javaagent:/path/to/ringwatch-agent.jar=slotStacks=all</argLine>"),
                    message);
            assertTrue(message.contains("jvmArgs(\"-javaagent:"), message);
        }
        assertEquals(0, results.testEvents().started().count(), "no test of a failed class runs");
    }

    @Test
    void aMethodLevelCheckFailsThatMethodAndLeavesTheOthers() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MethodLevelFixture.class))
                .execute();

        List<Event> failed = results.testEvents().failed().list();
        assertEquals(1, failed.size());
        assertEquals("checkedLeak()", failed.getFirst().getTestDescriptor().getDisplayName());
        assertTrue(message(failed.getFirst()).contains("needs the ringwatch agent"), message(failed.getFirst()));
        assertEquals(1, results.testEvents().succeeded().count());
    }

    private static String message(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }
}
