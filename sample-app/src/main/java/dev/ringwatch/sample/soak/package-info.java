/**
 * The soak: threads churning rings, SQPOLL rings and fixed-file slots with counted deliberate leaks, and memory samples.
 * A command, called only by {@code Main} (scripts/soak.sh runs it under the agent).
 */
package dev.ringwatch.sample.soak;
