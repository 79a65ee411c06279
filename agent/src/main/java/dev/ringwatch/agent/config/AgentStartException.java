package dev.ringwatch.agent.config;

/** The agent cannot start as configured; its message is the one line the user sees. */
public final class AgentStartException extends RuntimeException {
    public AgentStartException(String message) {
        super(message);
    }
}
