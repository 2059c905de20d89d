package io.vigil.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A postmortem draft in Markdown: what happened and how the response went are filled in from the incident and its
 * timeline; root cause and follow-ups are left for the people who were there.
 */
public final class Postmortem {

    private Postmortem() {
    }

    public static String render(Incident incident, List<TimelineEntry> timeline, Instant now) {
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem: ").append(inline(incident.title())).append("\n\n");
        md.append("Incident ").append(incident.id()).append(", ").append(incident.status().wire()).append(".\n\n");
        summary(md, incident, now);
        impact(md, incident);
        response(md, incident, timeline);
        md.append("## Timeline\n\n");
        md.append("| Time (UTC) | What | Who | Details |\n|---|---|---|---|\n");
        for (TimelineEntry entry : timeline) {
            md.append("| ").append(time(entry.at())).append(" | ").append(entry.kind().replace('_', ' '))
                    .append(" | ").append(cell(entry.actor())).append(" | ").append(cell(TimelineText.of(entry)))
                    .append(" |\n");
        }
        md.append("\n## Root cause\n\n_To be written._\n\n");
        md.append("## Follow-ups\n\n- [ ] _To be written._\n");
        return md.toString();
    }

    private static void summary(StringBuilder md, Incident incident, Instant now) {
        md.append("## Summary\n\n");
        md.append("- **What:** ").append(inline(incident.title())).append('\n');
        if (!incident.groupLabels().isEmpty()) {
            md.append("- **Group:** ").append(labels(incident.groupLabels())).append('\n');
        }
        md.append("- **Opened:** ").append(time(incident.openedAt())).append('\n');
        if (incident.resolvedAt() != null) {
            md.append("- **Resolved:** ").append(time(incident.resolvedAt())).append(" by ")
                    .append(inline(incident.resolvedBy())).append('\n');
        }
        Instant end = incident.resolvedAt() == null ? now : incident.resolvedAt();
        md.append("- **Duration:** ").append(duration(Duration.between(incident.openedAt(), end)))
                .append(incident.resolvedAt() == null ? " so far" : "").append("\n\n");
    }

    private static void impact(StringBuilder md, Incident incident) {
        List<IncidentAlert> alerts = incident.alerts();
        Set<String> names = alerts.stream().map(IncidentAlert::alertname)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> probes = alerts.stream().map(a -> a.labels().get("probe")).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        md.append("## Impact\n\n");
        md.append("- **Alerts:** ").append(alerts.size()).append(" (").append(inline(String.join(", ", names)))
                .append(")\n");
        md.append("- **Probes affected:** ").append(probes.isEmpty() ? "none" : inline(String.join(", ", probes)))
                .append('\n');
        Set<String> services = IncidentTimeline.services(incident);
        md.append("- **Services affected:** ").append(services.isEmpty() ? "none" : inline(String.join(", ", services)))
                .append("\n\n");
        for (IncidentAlert alert : alerts) {
            md.append("  - ").append(inline(alert.alertname())).append(' ').append(labels(alert.labels().toMap()))
                    .append(": fired ").append(time(alert.firedAt()))
                    .append(alert.resolvedAt() == null ? ", still firing" : ", resolved " + time(alert.resolvedAt()))
                    .append('\n');
        }
        md.append('\n');
    }

    private static void response(StringBuilder md, Incident incident, List<TimelineEntry> timeline) {
        md.append("## Response\n\n");
        md.append("- **Time to acknowledge:** ").append(incident.acknowledgedAt() == null ? "not acknowledged"
                : duration(Duration.between(incident.openedAt(), incident.acknowledgedAt())) + " (by "
                        + inline(incident.acknowledgedBy()) + ")").append('\n');
        md.append("- **Time to resolve:** ").append(incident.resolvedAt() == null ? "not resolved"
                : duration(Duration.between(incident.openedAt(), incident.resolvedAt()))).append('\n');
        long sent = count(timeline, TimelineEntry.NOTIFICATION_SENT);
        long failed = count(timeline, TimelineEntry.NOTIFICATION_FAILED);
        md.append("- **Notifications:** ").append(sent + failed).append(" attempts, ").append(sent)
                .append(" delivered, ").append(failed).append(" failed or retried\n");
        md.append("- **Escalations:** ").append(count(timeline, TimelineEntry.ESCALATED)).append('\n');
        md.append("- **Deploys of its services:** ").append(count(timeline, TimelineEntry.DEPLOYED))
                .append(" (from an hour before it opened)\n\n");
    }

    private static long count(List<TimelineEntry> timeline, String kind) {
        return timeline.stream().filter(e -> e.kind().equals(kind)).count();
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        StringBuilder out = new StringBuilder();
        if (hours > 0) {
            out.append(hours).append("h ");
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append("m ");
        }
        return out.append(seconds % 60).append('s').toString();
    }

    private static String labels(Map<String, String> labels) {
        return "`" + labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}")).replace("`", "'") + "`";
    }

    /** Text from alerts and people, kept on one line and from starting Markdown of its own. */
    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").replace("<", "&lt;");
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
