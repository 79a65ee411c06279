package dev.ringwatch.agent.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Streaks of consecutive rounds, from the very first round on (the exit's last rounds may be a JVM's only ones). */
class ConfirmationsTest {
    @Test
    void aSuspicionSeenInTheFirstTwoRoundsHasAStreakOfTwo() {
        Confirmations<String> c = new Confirmations<>(16);
        assertEquals(1, c.seen("slot 1"));
        assertEquals(1, c.seen("slot 1"), "seen twice in one round counts once");
        c.endRound();
        assertEquals(2, c.seen("slot 1"));
    }

    @Test
    void aRoundWithoutTheSuspicionEndsItsStreak_aHeldRoundKeepsItUncounted() {
        Confirmations<String> c = new Confirmations<>(16);
        c.seen("a");
        c.endRound();
        c.hold("a");
        c.endRound();
        assertEquals(2, c.seen("a"));
        c.endRound();
        c.endRound();
        assertEquals(1, c.seen("a"));
    }

    @Test
    void beyondTheCapNewSuspicionsAreRefused() {
        Confirmations<String> c = new Confirmations<>(1);
        assertEquals(1, c.seen("a"));
        assertEquals(0, c.seen("b"));
    }
}
