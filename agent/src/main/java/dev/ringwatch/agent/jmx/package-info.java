/**
 * The tracker's counts as an MXBean ({@code dev.ringwatch:type=Tracker}), registered once JMX is up.
 * Only the agent's start-up calls it; it reads the tracker.
 */
package dev.ringwatch.agent.jmx;
