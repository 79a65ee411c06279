/**
 * The entry point of ringwatch-sample.jar ({@code Main}): picks a subcommand from the command packages below.
 * Nothing else calls into it; the command packages never call back up.
 */
package dev.ringwatch.sample;
