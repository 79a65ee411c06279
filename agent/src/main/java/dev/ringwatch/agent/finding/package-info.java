/**
 * One vocabulary of findings for every rule: {@code Rule}, the {@code Finding} records, their JFR events
 * ({@code FindingEvents}), their lines ({@code LeakText}, in the {@code LeakLine} layout) and {@code Durations}.
 * Any detector or sink may use it; it uses only the JDK and jfr-events.
 */
package dev.ringwatch.agent.finding;
