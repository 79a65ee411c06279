/**
 * The direct-descriptor failure mode: TCP connection pairs through fixed-file slots, optionally leaked under their slots.
 * A command, called only by {@code Main}.
 */
package dev.ringwatch.sample.socket;
