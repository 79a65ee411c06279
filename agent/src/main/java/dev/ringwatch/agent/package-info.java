/**
 * The agent's entry points and wiring: premain/agentmain ({@code RingwatchAgent}), the command line
 * ({@code Main}) and {@code AgentRuntime}, which connects adapters, tracker, reconciler and sinks. Only the JVM calls in here.
 */
package dev.ringwatch.agent;
