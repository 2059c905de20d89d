package io.vigil.notify.silence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vigil.notify.Matcher;
import io.vigil.notify.dispatch.Silencer;
import io.vigil.sample.Labels;

/**
 * The silences, kept in the database and mirrored in memory for the dispatcher, which asks about every alert at
 * every flush. Changes follow Alertmanager's {@code canUpdate}: with the same matchers, a pending silence may move its
 * start (not into the past) and an active one its end (not into the past); any other change expires the silence and
 * creates a new one, so the record of what was muted when stays true.
 */
@ApplicationScoped
public class Silences implements Silencer {

    /** How long expired silences are kept, as Alertmanager's default {@code --data.retention}. */
    static final Duration RETENTION = Duration.ofHours(120);

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final Map<String, Silence> byId = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    @Override
    public List<String> silencedBy(Labels labels, Instant now) {
        ensureLoaded();
        List<String> ids = null;
        for (Silence silence : byId.values()) {
            if (silence.mutes(labels, now)) {
                if (ids == null) {
                    ids = new ArrayList<>(2);
                }
                ids.add(silence.id());
            }
        }
        return ids == null ? List.of() : ids.stream().sorted().toList();
    }

    /** Every silence, newest change first. */
    public List<Silence> list() {
        ensureLoaded();
        return byId.values().stream().sorted(Comparator.comparing(Silence::updatedAt).reversed()).toList();
    }

    public Optional<Silence> get(String id) {
        ensureLoaded();
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Creates a silence, or changes the one named by {@code id}; answers the id of the silence now in force.
     *
     * @throws SilenceException naming the field when the request is not valid, or when {@code id} is unknown
     */
    public synchronized String save(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt,
            String createdBy, String comment) {
        ensureLoaded();
        Instant now = clock.instant();
        validate(matchers, startsAt, endsAt, createdBy, comment, now);
        Silence existing = null;
        if (id != null && !id.isBlank()) {
            existing = byId.get(id);
            if (existing == null) {
                throw new SilenceException("id: no silence with id \"" + id + "\"", true);
            }
        }
        if (existing != null && canUpdate(existing, matchers, startsAt, endsAt, now)) {
            return store(new Silence(existing.id(), matchers, startsAt, endsAt, createdBy, comment, now));
        }
        Silence replaced = existing != null && existing.state(now) != Silence.State.EXPIRED ? expired(existing, now)
                : null;
        Silence created = new Silence(UUID.randomUUID().toString(), matchers, notBefore(startsAt, now), endsAt,
                createdBy, comment, now);
        return replaced == null ? store(created) : store(replaced, created);
    }

    /** Ends a silence now; an expired one stays as it was. */
    public synchronized void expire(String id) {
        ensureLoaded();
        Silence silence = byId.get(id);
        if (silence == null) {
            throw new SilenceException("id: no silence with id \"" + id + "\"", true);
        }
        Instant now = clock.instant();
        if (silence.state(now) != Silence.State.EXPIRED) {
            store(expired(silence, now));
        }
    }

    /** Forgets silences that expired longer ago than the retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    synchronized void collectGarbage() {
        ensureLoaded();
        Instant cutoff = clock.instant().minus(RETENTION);
        for (Silence silence : List.copyOf(byId.values())) {
            if (silence.endsAt().isBefore(cutoff)) {
                SilenceRow row = session.find(SilenceRow.class, silence.id());
                if (row != null) {
                    session.remove(row);
                }
                byId.remove(silence.id());
            }
        }
    }

    private static void validate(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
            String comment, Instant now) {
        if (matchers == null || matchers.isEmpty()) {
            throw new SilenceException("matchers: at least one matcher is required", false);
        }
        if (matchers.stream().allMatch(m -> m.matchesValue(""))) {
            throw new SilenceException("matchers: at least one matcher must not match the empty string", false);
        }
        if (startsAt == null || endsAt == null) {
            throw new SilenceException((startsAt == null ? "startsAt" : "endsAt") + ": required", false);
        }
        if (!startsAt.isBefore(endsAt)) {
            throw new SilenceException("endsAt: must be after startsAt", false);
        }
        if (endsAt.isBefore(now)) {
            throw new SilenceException("endsAt: can't be in the past", false);
        }
        if (createdBy == null || createdBy.isBlank()) {
            throw new SilenceException("createdBy: required", false);
        }
        if (comment == null || comment.isBlank()) {
            throw new SilenceException("comment: required", false);
        }
    }

    /** Alertmanager's {@code silence.canUpdate}. */
    private static boolean canUpdate(Silence existing, List<Matcher> matchers, Instant startsAt, Instant endsAt,
            Instant now) {
        if (!existing.matchers().equals(matchers)) {
            return false;
        }
        return switch (existing.state(now)) {
            case ACTIVE -> startsAt.equals(existing.startsAt()) && !endsAt.isBefore(now);
            case PENDING -> !startsAt.isBefore(now);
            case EXPIRED -> false;
        };
    }

    private static Instant notBefore(Instant startsAt, Instant now) {
        return startsAt.isBefore(now) ? now : startsAt;
    }

    /** As Alertmanager expires: a pending silence starts and ends now, so it never counts as having been active. */
    private static Silence expired(Silence silence, Instant now) {
        Instant start = silence.startsAt().isAfter(now) ? now : silence.startsAt();
        return new Silence(silence.id(), silence.matchers(), start, now, silence.createdBy(), silence.comment(), now);
    }

    /** Writes {@code silences} in one transaction, and shows them to the dispatcher once committed; answers the last id. */
    private String store(Silence... silences) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Silence silence : silences) {
                write(silence);
            }
        });
        for (Silence silence : silences) {
            byId.put(silence.id(), silence);
        }
        return silences[silences.length - 1].id();
    }

    private void write(Silence silence) {
        SilenceRow row = session.find(SilenceRow.class, silence.id());
        boolean isNew = row == null;
        if (isNew) {
            row = new SilenceRow();
            row.id = silence.id();
        }
        row.matchers = StoredMatchers.write(json, silence.matchers());
        row.startsAt = silence.startsAt();
        row.endsAt = silence.endsAt();
        row.createdBy = silence.createdBy();
        row.comment = silence.comment();
        row.updatedAt = silence.updatedAt();
        if (isNew) {
            session.persist(row);
        }
    }

    private void ensureLoaded() {
        if (!loaded) {
            load();
        }
    }

    @Transactional
    synchronized void load() {
        if (loaded) {
            return;
        }
        for (SilenceRow row : session.createSelectionQuery("from SilenceRow", SilenceRow.class).getResultList()) {
            byId.put(row.id, new Silence(row.id, StoredMatchers.read(json, row.matchers), row.startsAt, row.endsAt, row.createdBy,
                    row.comment, row.updatedAt));
        }
        loaded = true;
    }
}
