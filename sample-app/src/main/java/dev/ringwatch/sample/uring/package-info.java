/**
 * Helpers for programs that run io_uring one step at a time: wait for given completions with a deadline, fail clearly.
 * Used by the command packages; depends on ring-core and the cli package (its failures are SampleFailures).
 */
package dev.ringwatch.sample.uring;
