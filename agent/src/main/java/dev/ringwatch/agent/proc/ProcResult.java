package dev.ringwatch.agent.proc;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one /proc read: a value, or a {@link ProcError} saying why there is none. Readers in this
 * package return it instead of throwing, so a periodic reconciler never dies on a vanished fd or odd file.
 *
 * @param <T> the parsed value's type
 */
public sealed interface ProcResult<T> {

    /** A successful read. */
    record Ok<T>(T value) implements ProcResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A read that produced no value. */
    record Failed<T>(ProcError error) implements ProcResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> ProcResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ProcResult<T> failed(ProcError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} carrying the error when the read failed. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) { // no pattern switch: the core compiles for JDK 17
            return ok.value();
        }
        throw new IllegalStateException(((Failed<T>) this).error().toString());
    }

    /** The value, or {@code fallback} when the read failed. */
    default T orElse(T fallback) {
        return this instanceof Ok<T> ok ? ok.value() : fallback;
    }

    /** The error, or null when the read succeeded. */
    default ProcError errorOrNull() {
        return this instanceof Failed<T> failed ? failed.error() : null;
    }

    default <R> ProcResult<R> map(Function<? super T, ? extends R> f) {
        return this instanceof Ok<T> ok ? new Ok<>(f.apply(ok.value())) : new Failed<>(((Failed<T>) this).error());
    }
}
