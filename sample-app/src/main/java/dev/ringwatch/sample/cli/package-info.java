/**
 * What every subcommand shares: the {@code Command} contract, option parsing, usage errors and result lines.
 * Used by {@code Main} and the command packages; depends on none of them.
 */
package dev.ringwatch.sample.cli;
