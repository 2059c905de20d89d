package io.vigil.rule.promql;

import java.util.List;
import java.util.Objects;

/**
 * How a binary operation between two instant vectors pairs their series: on {@link #labels()} when
 * {@link #on()}, else on all labels but those; {@link #include()} are the labels copied from the
 * "one" side by {@code group_left}/{@code group_right}.
 */
public record VectorMatching(Cardinality card, List<String> labels, boolean on, List<String> include) {

    public enum Cardinality {
        ONE_TO_ONE,
        MANY_TO_ONE,
        ONE_TO_MANY,
        MANY_TO_MANY
    }

    public VectorMatching {
        Objects.requireNonNull(card, "card");
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }

    /** What a vector/vector arithmetic or comparison operation without modifiers means. */
    public static VectorMatching oneToOne() {
        return new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
    }

    /** What {@code and}, {@code or} and {@code unless} without modifiers mean. */
    public static VectorMatching manyToMany() {
        return new VectorMatching(Cardinality.MANY_TO_MANY, List.of(), false, List.of());
    }

    public VectorMatching withCard(Cardinality newCard) {
        return new VectorMatching(newCard, labels, on, include);
    }
}
