/**
 * Files the agent creates for the user (JSON lines, its own JFR recording): owner-only, never through a
 * symbolic link at the last path component. The option parser and the sinks call it; it calls only the JDK.
 */
package dev.ringwatch.agent.files;
