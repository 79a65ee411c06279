/**
 * A realistic io_uring TCP echo server (direct descriptors, multishot accept) and its load generator and benchmark.
 * Commands called only by {@code Main}; they use the cli, net, proc and uring packages.
 */
package dev.ringwatch.sample.echo;
