package dev.ringwatch.agent.adapter.ringcore;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Hooks.OP_*} of the prep that {@link SqeAdvice.InFlightArmed} is woven into: the weaver binds a
 * constant to the advice parameter it marks, one per instrumentation point. Names no ring-core type, so the
 * weaver can load it in the agent's class loader.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface ArmedOp {
}
