package io.vigil.rule.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.rule.promql.BinaryExpr;
import io.vigil.rule.promql.BinaryOp;
import io.vigil.rule.promql.VectorMatching;
import io.vigil.sample.Labels;

/**
 * Binary operations between two instant vectors: PromQL's vector matching with on/ignoring,
 * group_left/group_right, and the set operators and/or/unless.
 */
final class VectorMatcher {

    private VectorMatcher() {
    }

    static InstantVector apply(BinaryExpr binary, InstantVector lhs, InstantVector rhs) {
        VectorMatching matching = binary.matching();
        return switch (binary.op()) {
            case AND -> filter(lhs, signatures(rhs, matching), matching, true);
            case UNLESS -> filter(lhs, signatures(rhs, matching), matching, false);
            case OR -> or(lhs, rhs, matching);
            default -> match(binary, lhs, rhs);
        };
    }

    private static InstantVector match(BinaryExpr binary, InstantVector lhs, InstantVector rhs) {
        VectorMatching matching = binary.matching();
        boolean swapped = matching.card() == VectorMatching.Cardinality.ONE_TO_MANY;
        InstantVector many = swapped ? rhs : lhs;
        InstantVector one = swapped ? lhs : rhs;
        Map<Labels, VectorSample> oneBySignature = new HashMap<>();
        for (VectorSample sample : one.samples()) {
            VectorSample clash = oneBySignature.put(signature(sample.labels(), matching), sample);
            if (clash != null) {
                throw new EvaluationException("found duplicate series for the match group "
                        + signature(sample.labels(), matching) + " on the " + (swapped ? "left" : "right")
                        + " hand-side of the operation: [" + clash.labels() + ", " + sample.labels()
                        + "];many-to-many matching not allowed: matching labels must be unique on one side");
            }
        }
        BinaryOp op = binary.op();
        Set<Labels> matchedSignatures = new HashSet<>();
        Set<Labels> results = new HashSet<>();
        List<VectorSample> out = new ArrayList<>();
        for (VectorSample sample : many.samples()) {
            Labels signature = signature(sample.labels(), matching);
            VectorSample partner = oneBySignature.get(signature);
            if (partner == null) {
                continue;
            }
            double left = swapped ? partner.value() : sample.value();
            double right = swapped ? sample.value() : partner.value();
            boolean keep = !op.isComparison() || BinaryOperations.holds(op, left, right);
            double value = op.isComparison() ? left : BinaryOperations.calculate(op, left, right);
            if (binary.returnBool()) {
                value = keep ? 1 : 0;
                keep = true;
            }
            if (!keep) {
                continue;
            }
            Labels labels = resultLabels(sample.labels(), partner.labels(), binary);
            if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE && !matchedSignatures.add(signature)) {
                throw new EvaluationException("multiple matches for labels: many-to-one matching must be explicit "
                        + "(group_left/group_right)");
            }
            if (!results.add(labels)) {
                throw new EvaluationException("multiple matches for labels: grouping labels must ensure unique matches");
            }
            out.add(new VectorSample(labels, value));
        }
        return new InstantVector(out);
    }

    private static Labels resultLabels(Labels many, Labels one, BinaryExpr binary) {
        VectorMatching matching = binary.matching();
        Labels labels = many;
        if (!binary.op().isComparison() || binary.returnBool()) {
            labels = Evaluation.dropName(labels);
        }
        if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE) {
            labels = matching.on() ? labels.only(matching.labels()) : labels.without(matching.labels());
        }
        for (String name : matching.include()) {
            labels = labels.with(name, one.get(name));
        }
        return labels;
    }

    private static InstantVector filter(InstantVector lhs, Set<Labels> rightSignatures, VectorMatching matching,
            boolean keepMatching) {
        List<VectorSample> out = new ArrayList<>();
        for (VectorSample sample : lhs.samples()) {
            if (rightSignatures.contains(signature(sample.labels(), matching)) == keepMatching) {
                out.add(sample);
            }
        }
        return new InstantVector(out);
    }

    private static InstantVector or(InstantVector lhs, InstantVector rhs, VectorMatching matching) {
        Set<Labels> leftSignatures = signatures(lhs, matching);
        List<VectorSample> out = new ArrayList<>(lhs.samples());
        for (VectorSample sample : rhs.samples()) {
            if (!leftSignatures.contains(signature(sample.labels(), matching))) {
                out.add(sample);
            }
        }
        return new InstantVector(out);
    }

    private static Set<Labels> signatures(InstantVector vector, VectorMatching matching) {
        Set<Labels> signatures = new HashSet<>();
        vector.samples().forEach(sample -> signatures.add(signature(sample.labels(), matching)));
        return signatures;
    }

    /** The labels two series are matched on: the on() list, or all but the ignoring() list and __name__. */
    private static Labels signature(Labels labels, VectorMatching matching) {
        if (matching.on()) {
            return labels.only(matching.labels());
        }
        List<String> dropped = new ArrayList<>(matching.labels());
        dropped.add(Labels.METRIC_NAME);
        return labels.without(dropped);
    }
}
