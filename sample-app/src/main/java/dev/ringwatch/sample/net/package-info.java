/**
 * Sockets the samples need that io_uring cannot make here (a bound, listening TCP socket), through ring-core's OS glue.
 * Used by the command packages.
 */
package dev.ringwatch.sample.net;
