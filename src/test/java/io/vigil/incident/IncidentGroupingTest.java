package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vigil.notify.ActiveRouting;
import io.vigil.notify.Matchers;
import io.vigil.notify.config.RouteConfig;
import io.vigil.sample.Labels;

/** Which alerts make one incident: by incidents.group_by, or as Alertmanager's routing groups their notifications. */
class IncidentGroupingTest {

    /*
     * route                         group_by [alertname]
     *   routes[0] team="db"         group_by [cluster]
     *     routes[0] severity="critical"  group_by [cluster, alertname]
     *   routes[1] team=~"web|api"   group_by [service]
     *   routes[2] severity="critical"    group_by [service]
     *   routes[3] team="audit"      group_by ['...']
     */
    private static final RouteConfig TREE = route("route", List.of("alertname"), "",
            route("route.routes[0]", List.of("cluster"), "team=\"db\"",
                    route("route.routes[0].routes[0]", List.of("cluster", "alertname"), "severity=\"critical\"")),
            route("route.routes[1]", List.of("service"), "team=~\"web|api\""),
            route("route.routes[2]", List.of("service"), "severity=\"critical\""),
            new RouteConfig("audit", List.of(), true, RouteConfig.DEFAULT_GROUP_WAIT, RouteConfig.DEFAULT_GROUP_INTERVAL,
                    RouteConfig.DEFAULT_REPEAT_INTERVAL, Matchers.parse("team=\"audit\""), false, List.of(), List.of(),
                    List.of(), "route.routes[3]"));

    private static final IncidentGrouping BY_ROUTE = new IncidentGrouping(Optional.empty(), TREE);
    private static final IncidentGrouping BY_SERVICE_AND_ENV =
            new IncidentGrouping(Optional.of(List.of("service", "env")), TREE);

    private static RouteConfig route(String path, List<String> groupBy, String matchers, RouteConfig... routes) {
        return new RouteConfig("team", groupBy, false, RouteConfig.DEFAULT_GROUP_WAIT,
                RouteConfig.DEFAULT_GROUP_INTERVAL, RouteConfig.DEFAULT_REPEAT_INTERVAL,
                matchers.isEmpty() ? List.of() : Matchers.parse(matchers), false, List.of(), List.of(), List.of(routes),
                path);
    }

    @Test
    void withGroupByTheKeyAndGroupLabelsComeFromThoseLabelsOnly() {
        IncidentGroup latency = BY_SERVICE_AND_ENV.groupOf(Labels.of("alertname", "HighLatency", "service", "web",
                "env", "prod", "instance", "web-1:8080", "team", "web"));
        IncidentGroup errors = BY_SERVICE_AND_ENV.groupOf(Labels.of("alertname", "ErrorRate", "service", "web",
                "env", "prod", "instance", "web-2:8080", "team", "web"));

        assertThat(latency.groupLabels()).isEqualTo(Map.of("service", "web", "env", "prod"));
        assertThat(latency.key()).isEqualTo("{env=\"prod\", service=\"web\"}");
        assertThat(errors).isEqualTo(latency);
    }

    @Test
    void withGroupByMissingLabelsAreLeftOut() {
        IncidentGroup withoutEnv = BY_SERVICE_AND_ENV.groupOf(Labels.of("alertname", "HighLatency", "service", "web"));
        IncidentGroup withNeither = BY_SERVICE_AND_ENV.groupOf(Labels.of("alertname", "Watchdog"));

        assertThat(withoutEnv.groupLabels()).isEqualTo(Map.of("service", "web"));
        assertThat(withoutEnv.key()).isEqualTo("{service=\"web\"}")
                .isNotEqualTo(BY_SERVICE_AND_ENV.groupOf(Labels.of("service", "web", "env", "prod")).key());
        assertThat(withNeither.groupLabels()).isEmpty();
        assertThat(withNeither.key()).isEqualTo("{}");
    }

    @Test
    void withGroupByTheRouteAnAlertTakesDoesNotMatter() {
        IncidentGroup db = BY_SERVICE_AND_ENV.groupOf(Labels.of("alertname", "SlowQueries", "service", "api",
                "team", "db"));
        IncidentGroup web = BY_SERVICE_AND_ENV.groupOf(Labels.of("alertname", "ErrorRate", "service", "api",
                "team", "web"));

        assertThat(db).isEqualTo(web);
    }

    @Test
    void withoutGroupByAnAlertIsGroupedByTheGroupByOfTheFirstRouteItTakes() {
        IncidentGroup latency = BY_ROUTE.groupOf(Labels.of("alertname", "HighLatency", "service", "web",
                "team", "web", "instance", "web-1:8080"));
        IncidentGroup errors = BY_ROUTE.groupOf(Labels.of("alertname", "ErrorRate", "service", "web",
                "team", "web", "instance", "web-2:8080"));

        assertThat(latency.groupLabels()).isEqualTo(Map.of("service", "web"));
        assertThat(latency.key()).isEqualTo("route.routes[1]:{service=\"web\"}");
        assertThat(errors).isEqualTo(latency);
    }

    @Test
    void routesAreMatchedDepthFirst() {
        IncidentGroup critical = BY_ROUTE.groupOf(Labels.of("alertname", "DiskFull", "team", "db", "cluster", "eu",
                "severity", "critical", "service", "postgres"));
        IncidentGroup warning = BY_ROUTE.groupOf(Labels.of("alertname", "DiskFull", "team", "db", "cluster", "eu",
                "severity", "warning", "service", "postgres"));

        // routes[2] also matches severity="critical", but the db branch comes first and its child is taken.
        assertThat(critical.key()).isEqualTo("route.routes[0].routes[0]:{alertname=\"DiskFull\", cluster=\"eu\"}");
        assertThat(critical.groupLabels()).isEqualTo(Map.of("alertname", "DiskFull", "cluster", "eu"));
        assertThat(warning.key()).isEqualTo("route.routes[0]:{cluster=\"eu\"}");
        assertThat(warning.groupLabels()).isEqualTo(Map.of("cluster", "eu"));
    }

    @Test
    void anAlertNoChildRouteTakesIsGroupedByTheRoot() {
        IncidentGroup group = BY_ROUTE.groupOf(Labels.of("alertname", "AppCrash", "team", "mobile", "service", "ios"));

        assertThat(group.key()).isEqualTo("route:{alertname=\"AppCrash\"}");
        assertThat(group.groupLabels()).isEqualTo(Map.of("alertname", "AppCrash"));
    }

    @Test
    void labelsMissingFromTheRoutesGroupByAreLeftOut() {
        IncidentGroup group = BY_ROUTE.groupOf(Labels.of("alertname", "Backup", "team", "db", "severity", "warning"));

        assertThat(group.groupLabels()).isEmpty();
        assertThat(group.key()).isEqualTo("route.routes[0]:{}");
    }

    @Test
    void theSameLabelValuesTakingTwoRoutesAreDifferentIncidents() {
        IncidentGroup web = BY_ROUTE.groupOf(Labels.of("alertname", "ErrorRate", "service", "api", "team", "web"));
        IncidentGroup other = BY_ROUTE.groupOf(Labels.of("alertname", "ErrorRate", "service", "api",
                "team", "payments", "severity", "critical"));

        assertThat(web.groupLabels()).isEqualTo(other.groupLabels()).isEqualTo(Map.of("service", "api"));
        assertThat(web.key()).startsWith("route.routes[1]:");
        assertThat(other.key()).startsWith("route.routes[2]:");
        assertThat(web.key()).isNotEqualTo(other.key());
    }

    @Test
    void groupByAllMakesEveryLabelSetItsOwnIncident() {
        Labels first = Labels.of("alertname", "Login", "team", "audit", "user", "alice");
        Labels second = Labels.of("alertname", "Login", "team", "audit", "user", "bob");

        IncidentGroup group = BY_ROUTE.groupOf(first);

        assertThat(group.groupLabels()).isEqualTo(first.toMap());
        assertThat(group.key()).isEqualTo("route.routes[3]:" + first);
        assertThat(BY_ROUTE.groupOf(second).key()).isNotEqualTo(group.key());
    }

    @Test
    void withoutAnyRoutingConfiguredAlertsAreGroupedByAlertname() {
        IncidentGrouping grouping = new IncidentGrouping(Optional.empty(), ActiveRouting.NONE.route());

        IncidentGroup web = grouping.groupOf(Labels.of("alertname", "HighLatency", "service", "web"));
        IncidentGroup db = grouping.groupOf(Labels.of("alertname", "HighLatency", "service", "db"));

        assertThat(web.key()).isEqualTo("route:{alertname=\"HighLatency\"}");
        assertThat(db).isEqualTo(web);
        assertThat(grouping.groupOf(Labels.of("alertname", "DiskFull")).key()).isNotEqualTo(web.key());
    }
}
