/**
 * {@code @RingLeakCheck}, the JUnit Jupiter extension that fails a test leaving io_uring rings or fixed-file slots open,
 * naming each one's creation site. Users annotate tests; it reads the ringwatch agent's tracker in the test JVM.
 */
package dev.ringwatch.junit;
