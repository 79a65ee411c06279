/**
 * ringwatch's JDK Flight Recorder events and settings. Depends on nothing but {@code jdk.jfr}.
 * The event classes are generated at build time from one spec, {@code src/main/events/events.xml}
 * of the jfr-events module; change an event there, not in its generated class.
 *
 * <h2>Emitting an event</h2>
 * Every event class has a static {@code enabled()} gate that allocates nothing and reads one
 * JFR-maintained flag, so instrumented call sites cost nothing measurable while no recording
 * wants the event. Fill and commit only behind it:
 *
 * <pre>{@code
 * if (RingCreatedEvent.enabled()) {
 *     RingCreatedEvent e = new RingCreatedEvent();
 *     e.ringId = id;
 *     e.ringFd = fd;
 *     // ... other fields ...
 *     e.commit();
 * }
 * }</pre>
 *
 * Fields are public so the agent (another package) can fill them; they are plain data, read only
 * by JFR at commit. All events are instant events; times that matter (ages, delays, windows) are
 * {@link jdk.jfr.Timespan} fields in nanoseconds unless the field says otherwise.
 *
 * <h2>Field conventions</h2>
 * <ul>
 *   <li>{@code ringId}: the agent's id of a ring ({@link dev.ringwatch.jfr.RingId}); 0 = no ring.</li>
 *   <li>fds and kernel thread ids: -1 when not known or not applicable.</li>
 *   <li>kernel-read counts: -1 when the kernel's view could not be read.</li>
 *   <li>strings: empty or null when not known; JFR shows null as "N/A".</li>
 * </ul>
 *
 * <h2>Settings</h2>
 * {@link dev.ringwatch.jfr.RingwatchSettings} loads {@code ringwatch.jfc} (the JDK's default.jfc
 * plus these events, generated at build time) and {@code ringwatch-events.jfc} (these events only).
 */
package dev.ringwatch.jfr;
