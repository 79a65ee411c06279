/**
 * The agent's own log lines, through {@code System.Logger("dev.ringwatch")} with the agent's threshold and a
 * path that survives JVM shutdown, and the one line a family of hooks logs for its first failure. Any agent
 * package may call it; it calls only the JDK.
 */
package dev.ringwatch.agent.log;
