/**
 * The tests' one libc binding ({@code TestLibc}) and raw io_uring ring builder ({@code RawRing}), for what a test
 * must do behind ring-core's back. Test scope only: every module's tests may use it; no main code may.
 */
package dev.ringwatch.testsupport;
