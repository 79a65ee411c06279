package dev.ringwatch.programs;

import java.util.function.Supplier;

/** An application frame (outside the agent's packages) for in-process tests of stack capture. */
public final class CallSite {
    private CallSite() {
    }

    public static <T> T call(Supplier<T> body) {
        return body.get();
    }
}
