package io.vigil.notify.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.vigil.notify.delivery.NotificationData.AlertData;

/**
 * What notification templates under {@code vigil/templates/} see as dot: Alertmanager's template data with the same
 * field names, as plain maps and lists. Vigil's template engine has no method calls, so what Alertmanager templates
 * reach through methods is here as precomputed fields:
 * <ul>
 * <li>{@code .Alerts.Firing} / {@code .Alerts.Resolved} are {@code .Firing} / {@code .Resolved};</li>
 * <li>{@code .X.SortedPairs} is {@code .XPairs} (a list of {@code {Name, Value}}, alertname first) for
 * {@code GroupLabels}, {@code CommonLabels}, {@code CommonAnnotations} and each alert's {@code Labels} and
 * {@code Annotations};</li>
 * <li>{@code .GroupLabels.SortedPairs.Values} is {@code .GroupLabelValues}, and
 * {@code (.CommonLabels.Remove .GroupLabels.Names).Values} is {@code .OtherCommonLabelValues};</li>
 * <li>{@code .AlertNames}: the distinct alertnames, sorted; {@code .IncidentURL}: the incident link or empty.</li>
 * </ul>
 * Times are RFC 3339 strings in UTC ({@code StartsAt}; {@code EndsAt} is empty while an alert fires).
 */
public final class NotificationTemplateData {

    private NotificationTemplateData() {
    }

    /**
     * @param escape applied to every label and annotation value, for a target with its own markup (Slack);
     *               {@link UnaryOperator#identity()} otherwise
     */
    public static Map<String, Object> of(NotificationData data, UnaryOperator<String> escape) {
        List<Map<String, Object>> alerts = data.alerts().stream().map(a -> alert(a, escape)).toList();
        Map<String, String> groupLabels = escaped(data.groupLabels(), escape);
        Map<String, String> commonLabels = escaped(data.commonLabels(), escape);
        Map<String, String> commonAnnotations = escaped(data.commonAnnotations(), escape);
        Map<String, String> otherCommon = new LinkedHashMap<>(commonLabels);
        otherCommon.keySet().removeAll(groupLabels.keySet());

        Map<String, Object> dot = new LinkedHashMap<>();
        dot.put("Receiver", AlertmanagerValues.quoteMeta(data.receiver()));
        dot.put("Status", data.status());
        dot.put("Alerts", alerts);
        dot.put("Firing", alerts.stream().filter(a -> "firing".equals(a.get("Status"))).toList());
        dot.put("Resolved", alerts.stream().filter(a -> "resolved".equals(a.get("Status"))).toList());
        dot.put("GroupLabels", groupLabels);
        dot.put("GroupLabelPairs", pairs(groupLabels));
        dot.put("GroupLabelValues", List.copyOf(AlertmanagerValues.sortedPairs(groupLabels).values()));
        dot.put("CommonLabels", commonLabels);
        dot.put("CommonLabelPairs", pairs(commonLabels));
        dot.put("OtherCommonLabelValues", List.copyOf(AlertmanagerValues.sortedPairs(otherCommon).values()));
        dot.put("CommonAnnotations", commonAnnotations);
        dot.put("CommonAnnotationPairs", pairs(commonAnnotations));
        dot.put("AlertNames", alertNames(data, escape));
        dot.put("ExternalURL", nullToEmpty(data.externalUrl()));
        dot.put("GroupKey", nullToEmpty(data.groupKey()));
        dot.put("NotificationReason", AlertmanagerValues.reason(data.notificationReason()));
        dot.put("IncidentURL", nullToEmpty(data.incidentUrl()));
        return dot;
    }

    private static Map<String, Object> alert(AlertData alert, UnaryOperator<String> escape) {
        Map<String, String> labels = escaped(alert.labels(), escape);
        Map<String, String> annotations = escaped(alert.annotations(), escape);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Status", alert.status());
        out.put("Labels", labels);
        out.put("LabelPairs", pairs(labels));
        out.put("Annotations", annotations);
        out.put("AnnotationPairs", pairs(annotations));
        out.put("StartsAt", AlertmanagerValues.readableTime(alert.startsAt()));
        out.put("EndsAt", AlertmanagerValues.readableTime(alert.endsAt()));
        out.put("GeneratorURL", webUrl(alert.generatorUrl()));
        out.put("Fingerprint", nullToEmpty(alert.fingerprint()));
        return out;
    }

    private static Map<String, String> escaped(Map<String, String> kv, UnaryOperator<String> escape) {
        Map<String, String> out = new LinkedHashMap<>();
        if (kv != null) {
            kv.forEach((name, value) -> out.put(name, escape.apply(value)));
        }
        return out;
    }

    private static List<Map<String, Object>> pairs(Map<String, String> kv) {
        SequencedMap<String, String> sorted = AlertmanagerValues.sortedPairs(kv);
        List<Map<String, Object>> pairs = new ArrayList<>(sorted.size());
        sorted.forEach((name, value) -> pairs.add(Map.of("Name", name, "Value", value)));
        return pairs;
    }

    private static List<String> alertNames(NotificationData data, UnaryOperator<String> escape) {
        Set<String> names = new LinkedHashSet<>();
        data.alerts().stream().map(a -> a.labels().get("alertname")).filter(n -> n != null && !n.isEmpty())
                .sorted().forEach(n -> names.add(escape.apply(n)));
        return List.copyOf(names);
    }

    /**
     * A generator URL comes from whoever posted the alert; only a web link is kept, so that no {@code javascript:}
     * URL ends up behind a link in an email or chat message.
     */
    private static String webUrl(String url) {
        if (url == null) {
            return "";
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url.strip() : "";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
