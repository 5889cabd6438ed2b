package org.polylogue.shared;

/** The outcome of a command: done, or refused for a reason the user can act on. */
public sealed interface Result<T> permits Result.Ok, Result.Rejected {

    record Ok<T>(T value) implements Result<T> {}

    record Rejected<T>(Refusal refusal) implements Result<T> {}

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> rejected(Refusal refusal) {
        return new Rejected<>(refusal);
    }

    /** The value transformed, or the same refusal. */
    default <U> Result<U> map(java.util.function.Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
            case Rejected<T> rejected -> new Rejected<>(rejected.refusal());
        };
    }

    /** The value, or a {@link RefusedException} that the web layer turns into problem details. */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Rejected<T> rejected -> throw new RefusedException(rejected.refusal());
        };
    }
}
