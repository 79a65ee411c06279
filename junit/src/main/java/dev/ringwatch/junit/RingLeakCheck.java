package dev.ringwatch.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a test that leaves io_uring rings or fixed-file slots open, as the ringwatch agent in the test JVM
 * tracks them ({@code -javaagent:ringwatch-agent.jar}; without it every annotated class fails with one
 * message saying how to add it).
 *
 * <ul>
 *   <li>On a method: that test (each invocation of a parameterized or repeated one) fails when a ring or slot
 *       opened while it ran (in {@code @BeforeEach}, the test, {@code @AfterEach}, or on any thread meanwhile)
 *       is still open when it ends, after up to 1 s for closes still under way, or when the agent reported one
 *       of them as leaked.</li>
 *   <li>On a class: every test of it, and then the class itself: resources opened in static initialisers,
 *       {@code @BeforeAll} or a per-class test instance must be closed by the end of {@code @AfterAll}.</li>
 * </ul>
 *
 * The failure lists each resource (ring or slot, SQPOLL or not, fd, slot, file) with the stack that opened it
 * and how to fix it. What was open before a test started is never blamed on it, so results do not depend on
 * the order tests run in.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RingLeakExtension.class)
public @interface RingLeakCheck {
}
