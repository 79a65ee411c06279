/**
 * The first program to run: NOPs and a file read through io_uring, by fd and through a fixed-file slot.
 * A command, called only by {@code Main}.
 */
package dev.ringwatch.sample.demo;
