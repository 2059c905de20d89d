package io.vigil.rule.eval;

import java.util.ArrayList;
import java.util.List;

import io.vigil.rule.promql.BinaryExpr;
import io.vigil.rule.promql.BinaryOp;

/** Arithmetic and comparisons between scalars and vectors; vector-to-vector matching is {@link VectorMatcher}'s. */
final class BinaryOperations {

    private BinaryOperations() {
    }

    static Value apply(BinaryExpr binary, Value lhs, Value rhs) {
        BinaryOp op = binary.op();
        if (lhs instanceof Scalar left && rhs instanceof Scalar right) {
            // Between scalars a comparison always needs bool, so its result is 0 or 1.
            return new Scalar(op.isComparison() ? (holds(op, left.value(), right.value()) ? 1 : 0)
                    : calculate(op, left.value(), right.value()));
        }
        if (lhs instanceof InstantVector vector && rhs instanceof Scalar scalar) {
            return withScalar(binary, vector, scalar.value(), false);
        }
        if (lhs instanceof Scalar scalar && rhs instanceof InstantVector vector) {
            return withScalar(binary, vector, scalar.value(), true);
        }
        return VectorMatcher.apply(binary, (InstantVector) lhs, (InstantVector) rhs);
    }

    private static InstantVector withScalar(BinaryExpr binary, InstantVector vector, double scalar, boolean scalarOnLeft) {
        BinaryOp op = binary.op();
        List<VectorSample> out = new ArrayList<>(vector.samples().size());
        for (VectorSample sample : vector.samples()) {
            double left = scalarOnLeft ? scalar : sample.value();
            double right = scalarOnLeft ? sample.value() : scalar;
            boolean keep = !op.isComparison() || holds(op, left, right);
            // A filter keeps the vector's own value, whichever side the scalar is on.
            double value = op.isComparison() ? sample.value() : calculate(op, left, right);
            if (binary.returnBool()) {
                value = keep ? 1 : 0;
                keep = true;
            }
            if (keep) {
                boolean dropName = !op.isComparison() || binary.returnBool();
                out.add(new VectorSample(dropName ? Evaluation.dropName(sample.labels()) : sample.labels(), value));
            }
        }
        return new InstantVector(out);
    }

    /** The value of an arithmetic {@code left op right}. */
    static double calculate(BinaryOp op, double left, double right) {
        return switch (op) {
            case ADD -> left + right;
            case SUB -> left - right;
            case MUL -> left * right;
            case DIV -> left / right;
            case MOD -> left % right;
            case POW -> Math.pow(left, right);
            default -> throw new EvaluationException("operator " + op.symbol() + " is not arithmetic");
        };
    }

    /** Whether a comparison holds; Java's IEEE comparisons treat NaN as Go's do. */
    static boolean holds(BinaryOp op, double left, double right) {
        return switch (op) {
            case EQ -> left == right;
            case NEQ -> left != right;
            case GT -> left > right;
            case LT -> left < right;
            case GTE -> left >= right;
            case LTE -> left <= right;
            default -> throw new EvaluationException("operator " + op.symbol() + " is not a comparison");
        };
    }
}
