/**
 * The agent's options: parsed from the -javaagent argument and a config file into {@code AgentOptions}.
 * Any agent package may read the options; only the agent's start-up parses them.
 */
package dev.ringwatch.agent.config;
