/**
 * Where the running agent's findings go: log lines through {@code System.Logger("dev.ringwatch")}
 * ({@link dev.ringwatch.agent.log.AgentLog}, texts in {@link dev.ringwatch.agent.alert.LeakMessages}), JFR
 * events ({@link dev.ringwatch.agent.alert.Events}, the agent's own recording, periodic callbacks), JSON lines
 * (option jsonLog), and the exit summary. Not to be confused with {@code dev.ringwatch.agent.report}, the
 * offline report over a recording.
 */
package dev.ringwatch.agent.alert;
