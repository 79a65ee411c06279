package dev.ringwatch.agent.config;

import java.util.Locale;

/** How often a fixed-file registration records where it happened (rings always do: they are few). */
public enum SlotStacks {
    /** Never: slot leaks name the slot, its owner and thread, but not the registering code. */
    OFF,
    /** Every N-th registration ({@code sampleInterval}), as Netty's SIMPLE leak detection samples. */
    SAMPLED,
    /** Every registration: the most useful reports, at a stack walk per registration. */
    ALL;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
