/**
 * The SQPOLL failure mode: SQPOLL rings created and destroyed in a loop, optionally dropped without close.
 * A command, called only by {@code Main}.
 */
package dev.ringwatch.sample.sqpoll;
