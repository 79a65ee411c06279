package dev.ringwatch.agent.finding;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The one layout of LEAK lines, and rule names read back from a line's or JSON line's text. */
class LeakLineTest {

    @Test
    void everyRuleIsFoundByItsTitle() {
        for (Rule r : Rule.values()) {
            assertSame(r, Rule.byTitle(r.title()));
        }
        assertNull(Rule.byTitle("no such rule"));
    }

    @Test
    void firstLineThenTabIndentedFramesThenArrowLines() {
        String line = new LeakLine(Rule.FD_CLOSED_UNDER_SLOT).text("slot ").text(3).text(" of ring 7, registered at")
                .frames("app.Server.accept(Server.java:42)\napp.Server.run(Server.java:10)\n", "not captured")
                .note("the kernel keeps the file open").toString();
        assertEquals("ringwatch LEAK fd closed under slot: slot 3 of ring 7, registered at\n"
                + "\tapp.Server.accept(Server.java:42)\n\tapp.Server.run(Server.java:10)\n"
                + "\t-> the kernel keeps the file open", line);
    }

    @Test
    void missingFramesSayWhy() {
        assertEquals("ringwatch LEAK socket drift: x at\n\t(stack not captured)\n\t-> (unknown) owner",
                new LeakLine(Rule.SOCKET_DRIFT).text("x at").frames("", "stack not captured").note("")
                        .orUnknown("").text(" owner").toString());
    }
}
