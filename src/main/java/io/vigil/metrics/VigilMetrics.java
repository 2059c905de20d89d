package io.vigil.metrics;

import java.time.Duration;

/**
 * Every metric name Vigil exports and the tag keys they use, in one place. Micrometer names use
 * dots and are rendered by the Prometheus registry (vigil.probe.runs becomes vigil_probe_runs_total);
 * probe sample names are exported as they stand, with blackbox_exporter's names.
 */
public final class VigilMetrics {

    public static final String PROBE_SUCCESS = "probe_success";
    public static final String PROBE_SUCCESS_HELP = "Whether the probe's last run succeeded (1) or failed (0).";
    public static final String PROBE_DURATION_SECONDS = "probe_duration_seconds";
    public static final String PROBE_DURATION_HELP = "How long the probe's last run took.";

    /** vigil_probe_runs_total{probe,result}. */
    public static final String PROBE_RUNS = "vigil.probe.runs";
    /** vigil_probe_schedule_lag_seconds: how late a run started against its schedule. */
    public static final String PROBE_SCHEDULE_LAG = "vigil.probe.schedule.lag";
    /** vigil_probe_runs_skipped_total{probe}: runs not started because the previous one was still going. */
    public static final String PROBE_RUNS_SKIPPED = "vigil.probe.runs.skipped";
    /** vigil_history_series: series held in the sample history. */
    public static final String HISTORY_SERIES = "vigil.history.series";

    /** Buckets of the schedule lag histogram: fine below a second, where lag should stay. */
    public static final Duration[] LAG_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5)
    };

    /** vigil_alerts{alertname,alertstate,...}: 1 per pending or firing alert, as Prometheus's ALERTS. */
    public static final String ALERTS = "vigil_alerts";
    public static final String ALERTS_HELP = "Pending and firing alerts, one series each with its labels and alertstate.";
    /** vigil_rule_evaluations_total{rule_group}. */
    public static final String RULE_EVALUATIONS = "vigil.rule.evaluations";
    /** vigil_rule_evaluation_failures_total{rule_group}. */
    public static final String RULE_EVALUATION_FAILURES = "vigil.rule.evaluation.failures";
    /** vigil_rule_evaluation_duration_seconds: time to evaluate one rule group. */
    public static final String RULE_EVALUATION_DURATION = "vigil.rule.evaluation.duration";

    /** vigil_notifications_total{receiver,integration}: delivery attempts. */
    public static final String NOTIFICATIONS = "vigil.notifications";
    /** vigil_notifications_failed_total{receiver,integration,reason}: attempts that failed, by why. */
    public static final String NOTIFICATIONS_FAILED = "vigil.notifications.failed";
    /** vigil_notification_latency_seconds{integration}: how long one delivery attempt took. */
    public static final String NOTIFICATION_LATENCY = "vigil.notification.latency";
    /** vigil_notification_queue_length: notifications committed and not yet delivered or given up. */
    public static final String NOTIFICATION_QUEUE_LENGTH = "vigil.notification.queue.length";

    /** Buckets of the delivery latency histogram (Alertmanager's notification_latency_seconds buckets). */
    public static final Duration[] NOTIFICATION_LATENCY_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(30)
    };

    /** vigil_incidents_open: incidents triggered or acknowledged. */
    public static final String INCIDENTS_OPEN = "vigil.incidents.open";
    /** vigil_incident_time_to_acknowledge_seconds: from an incident's (re)triggering to its acknowledgement. */
    public static final String INCIDENT_TIME_TO_ACKNOWLEDGE = "vigil.incident.time.to.acknowledge";
    /** vigil_incident_time_to_resolve_seconds: from an incident's (re)triggering to its resolution. */
    public static final String INCIDENT_TIME_TO_RESOLVE = "vigil.incident.time.to.resolve";

    /** Buckets of the incident response histograms: minutes to a day, as on-call reports count them. */
    public static final Duration[] INCIDENT_RESPONSE_BUCKETS = {
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
        Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24)
    };

    public static final String TAG_RULE_GROUP = "rule_group";
    public static final String TAG_PROBE = "probe";
    public static final String TAG_RECEIVER = "receiver";
    public static final String TAG_INTEGRATION = "integration";
    public static final String TAG_REASON = "reason";
    public static final String TAG_RESULT = "result";
    public static final String RESULT_SUCCESS = "success";
    public static final String RESULT_FAILURE = "failure";

    private VigilMetrics() {
    }
}
