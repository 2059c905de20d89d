package io.vigil.incident;

import java.util.Map;
import java.util.stream.Collectors;

/** One line of text for a timeline entry, as a postmortem shows it. */
final class TimelineText {

    private TimelineText() {
    }

    static String of(TimelineEntry entry) {
        Map<String, Object> d = entry.detail();
        return switch (entry.kind()) {
            case TimelineEntry.ALERT_FIRED -> d.get("alertname") + " " + labels(d.get("labels"))
                    + (d.get("value") == null ? "" : ", value " + d.get("value"));
            case TimelineEntry.ALERT_RESOLVED -> d.get("alertname") + " " + labels(d.get("labels"));
            case TimelineEntry.NOTIFICATION_SENT, TimelineEntry.NOTIFICATION_FAILED -> d.get("receiver") + " via "
                    + d.get("integration") + ": " + d.get("outcome")
                    + (d.get("httpStatus") == null ? "" : " " + d.get("httpStatus"))
                    + (d.get("attempt") == null ? "" : ", attempt " + d.get("attempt"))
                    + (d.get("error") == null ? "" : " (" + d.get("error") + ")");
            case TimelineEntry.SILENCED, TimelineEntry.INHIBITED, TimelineEntry.MUTED -> d.get("receiver") + ": "
                    + d.get("reason");
            case TimelineEntry.ESCALATED -> "to " + d.get("receiver") + " after " + d.get("unacknowledgedFor")
                    + " s unacknowledged";
            case TimelineEntry.DEPLOYED -> d.get("service") + (d.get("version") == null ? "" : " " + d.get("version"))
                    + (d.get("environment") == null ? "" : " to " + d.get("environment"))
                    + (d.get("url") == null ? "" : " " + d.get("url"));
            case TimelineEntry.COMMENTED -> String.valueOf(d.get("text"));
            case TimelineEntry.ACKNOWLEDGED, TimelineEntry.RESOLVED -> d.containsKey("comment")
                    ? String.valueOf(d.get("comment")) : d.getOrDefault("reason", "").toString();
            default -> d.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        };
    }

    private static String labels(Object labels) {
        if (!(labels instanceof Map<?, ?> map)) {
            return "";
        }
        return map.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
