/**
 * A small, read-only view of the tracker for test frameworks ({@link dev.ringwatch.agent.probe.TestProbe}):
 * the {@code ringwatch-junit} extension reaches it reflectively through the system class loader (where
 * {@code -javaagent} puts the agent jar), so its signatures use JDK types only and stay stable while the
 * tracker changes. Nothing here changes the tracker's model or reports anything.
 */
package dev.ringwatch.agent.probe;
