/**
 * The agent's one binding of libc through FFM (munmap, close for reclaim). Only {@code track}'s reclaim calls
 * it, and only when reclaim runs: loading it needs the FFM API, which the rest of the agent does not.
 */
package dev.ringwatch.agent.libc;
