/**
 * Library-neutral values that travel from an adapter through the tracker and the rules to the sinks
 * ({@link dev.ringwatch.agent.model.RingFacts}). Any agent package may use them; they use only the JDK.
 */
package dev.ringwatch.agent.model;
