/**
 * The {@code attach <pid>} command: loads the agent into a running JVM. Only {@code dev.ringwatch.agent.Main} calls it.
 */
package dev.ringwatch.agent.cli;
