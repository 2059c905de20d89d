package io.vigil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.notify.Matcher;
import io.vigil.notify.Matchers;

/** Reads the {@code incidents:} section; whether an escalation's receiver exists is checked with the routing. */
final class IncidentsConfigParser {

    private static final Set<String> KEYS = Set.of("group_by", "reopen_within", "escalations");
    private static final Set<String> ESCALATION_KEYS = Set.of("matchers", "after", "receiver");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private IncidentsConfigParser() {
    }

    static IncidentsConfig parse(YamlSection incidents) {
        incidents.rejectUnknownKeys(KEYS);
        Optional<List<String>> groupBy = Optional.empty();
        if (incidents.has("group_by")) {
            List<String> names = incidents.stringList("group_by");
            for (int i = 0; i < names.size(); i++) {
                if (!LABEL_NAME.matcher(names.get(i)).matches()) {
                    throw incidents.document().error(incidents.pointerOf("group_by").appendIndex(i),
                            "\"" + names.get(i) + "\" is not a valid label name");
                }
            }
            groupBy = Optional.of(names);
        }
        Duration reopenWithin = incidents.duration("reopen_within", Duration.ZERO);
        List<IncidentsConfig.Escalation> escalations = new ArrayList<>();
        for (YamlSection escalation : incidents.sections("escalations")) {
            escalations.add(escalation(escalation));
        }
        return new IncidentsConfig(groupBy, reopenWithin, escalations);
    }

    private static IncidentsConfig.Escalation escalation(YamlSection section) {
        section.rejectUnknownKeys(ESCALATION_KEYS);
        List<String> texts = section.stringList("matchers");
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                matchers.addAll(Matchers.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw section.document().error(section.pointerOf("matchers").appendIndex(i), e.getMessage());
            }
        }
        if (!section.has("after")) {
            throw section.error("missing required key \"after\": how long an incident may stay unacknowledged");
        }
        Duration after = section.duration("after", null);
        if (after.isZero()) {
            throw section.error("after", "must be greater than 0s");
        }
        String receiver = section.requiredString("receiver");
        return new IncidentsConfig.Escalation(matchers, after, receiver, section.document().file(),
                section.document().lineOf(section.pointerOf("receiver")));
    }
}
