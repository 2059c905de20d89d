package io.vigil.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import io.vigil.notify.MatchType;
import io.vigil.notify.Matcher;
import io.vigil.notify.silence.Silence;
import io.vigil.notify.silence.SilenceException;
import io.vigil.notify.silence.Silences;
import io.vigil.sample.Labels;

/** Silences in Alertmanager's v2 API shapes, for {@code /api/v1/silences} and Alertmanager's own paths. */
public final class SilenceViews {

    private SilenceViews() {
    }

    /** Alertmanager's {@code matcher}. {@code isEqual} defaults to true, as in Alertmanager. */
    public record MatcherBody(String name, String value, Boolean isRegex, Boolean isEqual) {
    }

    /** Alertmanager's {@code postableSilence}; an {@code id} changes that silence. */
    public record PostableSilence(String id, List<MatcherBody> matchers, Instant startsAt, Instant endsAt,
            String createdBy, String comment) {
    }

    public record SilenceStatus(String state) {
    }

    /** Alertmanager's {@code gettableSilence}. */
    public record GettableSilence(String id, SilenceStatus status, Instant updatedAt, List<MatcherBody> matchers,
            Instant startsAt, Instant endsAt, String createdBy, String comment) {
    }

    public record Created(String silenceID) {
    }

    static List<Matcher> matchers(List<MatcherBody> bodies) {
        List<Matcher> out = new ArrayList<>();
        for (int i = 0; bodies != null && i < bodies.size(); i++) {
            MatcherBody body = bodies.get(i);
            String field = "matchers[" + i + "]";
            if (body == null || body.name() == null || !Labels.isValidName(body.name())) {
                throw ProblemException.badRequest(field + ".name: not a valid label name: "
                        + (body == null ? "null" : "\"" + body.name() + "\""));
            }
            if (body.value() == null) {
                throw ProblemException.badRequest(field + ".value: required");
            }
            MatchType type = MatchType.of(Boolean.TRUE.equals(body.isRegex()), !Boolean.FALSE.equals(body.isEqual()));
            try {
                out.add(new Matcher(body.name(), type, body.value()));
            } catch (PatternSyntaxException e) {
                throw ProblemException.badRequest(field + ".value: not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return out;
    }

    static GettableSilence view(Silence silence, Instant now) {
        List<MatcherBody> matchers = silence.matchers().stream()
                .map(m -> new MatcherBody(m.name(), m.value(), m.type().isRegex(), m.type().isEqual())).toList();
        return new GettableSilence(silence.id(), new SilenceStatus(silence.state(now).wire()), silence.updatedAt(),
                matchers, silence.startsAt(), silence.endsAt(), silence.createdBy(), silence.comment());
    }

    static Created save(Silences silences, PostableSilence body) {
        if (body == null) {
            throw ProblemException.badRequest("body: a silence is required");
        }
        try {
            return new Created(silences.save(body.id(), matchers(body.matchers()), body.startsAt(), body.endsAt(),
                    body.createdBy(), body.comment()));
        } catch (SilenceException e) {
            throw e.notFound() ? ProblemException.notFound(e.getMessage()) : ProblemException.badRequest(e.getMessage());
        }
    }

    static void expire(Silences silences, String id) {
        try {
            silences.expire(id);
        } catch (SilenceException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }

    /**
     * Alertmanager's silence filter: each filter matcher must match the value of the silence's matcher of the same
     * name (a silence without one matches only a filter that accepts the empty string).
     */
    static boolean matchesFilter(Silence silence, List<Matcher> filter) {
        return filter.stream().allMatch(f -> silence.matchers().stream().filter(m -> m.name().equals(f.name()))
                .map(m -> f.matchesValue(m.value())).findFirst().orElse(f.matchesValue("")));
    }
}
