package dev.ringwatch.agent.adapter.ringcore;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

import java.util.ArrayList;
import java.util.List;

/**
 * Weaves the advice into one ring-core class's bytes with ByteBuddy. Only the named methods change: no
 * field, no method, no initializer is added, so the result is also valid for retransformation.
 */
final class RingCoreWeaver {
    /** The woven bytes and the points that were missing from this ring-core (empty when all matched). */
    record Result(byte[] bytes, List<String> missing) {
    }

    private RingCoreWeaver() {
    }

    /**
     * @param ringCore finds the other ring-core classes the woven code refers to (the application's
     *                 class loader at run time)
     */
    static Result weave(String className, byte[] original, ClassFileLocator ringCore) {
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(className, original),
                ClassFileLocator.ForClassLoader.of(RingCoreWeaver.class.getClassLoader()),
                ringCore);
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        TypeDescription type = pool.describe(className).resolve();
        DynamicType.Builder<?> builder = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .with(InstrumentedType.Factory.Default.FROZEN)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .redefine(type, locator);
        List<String> missing = new ArrayList<>();
        for (InstrumentationPoints.Point p : InstrumentationPoints.BY_CLASS.get(className)) {
            boolean present = false;
            for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
                if (p.matcher().matches(m)) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                missing.add(className + "." + p.method());
                continue;
            }
            Advice.WithCustomMapping mapping = Advice.withCustomMapping();
            if (p.op() != null) {
                mapping = mapping.bind(ArmedOp.class, p.op());
            }
            builder = builder.visit(mapping.to(pool.describe(p.advice()).resolve(), locator).on(p.matcher()));
        }
        return new Result(builder.make(pool).getBytes(), List.copyOf(missing));
    }

    static ClassFileLocator locatorFor(ClassLoader loader) {
        return loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader);
    }
}
