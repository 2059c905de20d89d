package io.vigil.rule;


/** Carries alert state across a reload, as Prometheus's CopyState: same rule name and labels, same alerts. */
final class RuleState {

    private RuleState() {
    }

    static void carryOver(RuleGroup from, RuleGroup to) {
        for (Rule rule : to.rules()) {
            if (rule instanceof AlertingRule target) {
                for (Rule old : from.rules()) {
                    if (old instanceof AlertingRule source && sameRule(source, target)) {
                        target.tracker().restore(source.tracker().alerts());
                        break;
                    }
                }
            }
        }
    }

    private static boolean sameRule(AlertingRule a, AlertingRule b) {
        return a.definition().name().equals(b.definition().name())
                && a.definition().labels().equals(b.definition().labels());
    }
}
