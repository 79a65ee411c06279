/**
 * The agent's model of live rings and slots and the GC rules built on it.
 *
 * <ul>
 *   <li>{@link dev.ringwatch.agent.track.Tracker}: fed by the advice (through {@code Hooks}) on the
 *       application's threads; {@code processQueue} runs on the "ringwatch-tracker" thread
 *       ({@link dev.ringwatch.agent.track.LeakWatcher}) and turns owners the GC found unreachable into
 *       "ring outlived owner" / "slot outlived owner" reports, once per resource.</li>
 *   <li>{@link dev.ringwatch.agent.track.TrackerSnapshot}: a consistent copy (each ring with its slots taken
 *       under that ring's monitor) for the kernel reconciler and the exit summary: ring id, fd, inode,
 *       flags, SQPOLL idle, mappings, creation and close time/site, slots with fd, tag and release time,
 *       and whether a leak was already reported (so no rule reports a resource twice).</li>
 *   <li>{@link dev.ringwatch.agent.track.TrackerListener}: where findings go (log, JFR, JSON lines).</li>
 * </ul>
 *
 * Nothing here holds a ring, a table, a handle or an owner strongly, and nothing links against a ring library:
 * every adapter hands over {@code RingFacts}, plain values and {@code Object}s through {@link dev.ringwatch.agent.track.Hooks}.
 */
package dev.ringwatch.agent.track;
