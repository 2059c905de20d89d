package io.vigil.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.alert.AlertTransitioned;
import io.vigil.sample.Labels;

/**
 * Turns Vigil's own alerts into what Prometheus would send an Alertmanager: an alert when it starts firing, again
 * when it resolves, and the whole firing set again now and then, which refreshes annotations and resolves the alerts
 * of rules that a reload removed. Adds the external labels, as Prometheus does. Not thread-safe.
 */
final class RuleAlertFeed {

    /** The firing alerts last handed on, by fingerprint. */
    private final Map<String, NotifiableAlert> firing = new HashMap<>();
    private Map<String, String> externalLabels = Map.of();
    private String generatorUrl = "";

    void configure(Map<String, String> externalLabels, String externalUrl) {
        this.externalLabels = Map.copyOf(externalLabels);
        this.generatorUrl = externalUrl.isEmpty() ? "" : externalUrl.replaceFirst("/+$", "") + "/api/v1/alerts";
    }

    /** What a transition means to the dispatcher: nothing for pending, else the alert firing or resolved. */
    List<NotifiableAlert> transitioned(AlertTransitioned transition) {
        if (transition.to() == AlertState.FIRING) {
            return List.of(fired(transition.labels(), transition.annotations(), transition.firedAt()));
        }
        if (transition.from() == AlertState.FIRING) {
            NotifiableAlert resolved = new NotifiableAlert(withExternalLabels(transition.labels()),
                    transition.annotations(), transition.firedAt(), transition.at(), generatorUrl, false);
            firing.remove(resolved.fingerprint());
            return List.of(resolved);
        }
        return List.of();
    }

    /** Every alert firing now, and a resolution at {@code now} for each one handed on before that is gone. */
    List<NotifiableAlert> resend(List<Alert> firingNow, Instant now) {
        List<NotifiableAlert> out = new ArrayList<>();
        Set<String> gone = new HashSet<>(firing.keySet());
        for (Alert alert : firingNow) {
            NotifiableAlert notifiable = fired(alert.labels(), alert.annotations(), alert.firedAt());
            gone.remove(notifiable.fingerprint());
            out.add(notifiable);
        }
        for (String fingerprint : gone) {
            NotifiableAlert last = firing.remove(fingerprint);
            out.add(new NotifiableAlert(last.labels(), last.annotations(), last.startsAt(), now, last.generatorUrl(),
                    false));
        }
        return out;
    }

    private NotifiableAlert fired(Labels labels, Map<String, String> annotations, Instant firedAt) {
        NotifiableAlert alert = new NotifiableAlert(withExternalLabels(labels), annotations, firedAt, null,
                generatorUrl, false);
        firing.put(alert.fingerprint(), alert);
        return alert;
    }

    /** Prometheus adds its external labels to the alerts it sends, except where an alert has the label already. */
    private Labels withExternalLabels(Labels labels) {
        Labels out = labels;
        for (Map.Entry<String, String> label : externalLabels.entrySet()) {
            if (labels.get(label.getKey()) == null) {
                out = out.with(label.getKey(), label.getValue());
            }
        }
        return out;
    }
}
