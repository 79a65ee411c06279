package dev.ringwatch.agent.probe;

import java.util.Set;

/**
 * What was open when a test (or test class) started: the resources opened later are the difference. Keys, not
 * times, decide for slots, whose times come from the tracker's coarse clock (good to ~100 ms); rings carry a
 * precise creation time, which also places rings that are closed again by the end but were reported as leaked.
 *
 * @param nanos     {@link System#nanoTime()} when the mark was taken
 * @param openKeys  {@link ResourceKeys} of the rings and occupied slots open then
 */
record Mark(long nanos, Set<String> openKeys) {
}
