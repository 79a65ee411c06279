package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.Listing;
import java.util.List;

/** Cuts ordered lists to the report's --top limit, remembering their full size. */
final class Listings {

    /** {@code --top 0}: keep everything. */
    static final int UNLIMITED = 0;

    private Listings() {
    }

    static <T> Listing<T> first(List<T> ordered, int top) {
        List<T> items = top == UNLIMITED || ordered.size() <= top ? ordered : ordered.subList(0, top);
        return new Listing<>(ordered.size(), items);
    }
}
