package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;
import static io.vigil.notify.dispatch.Timeline.Sent.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.notify.Notification;
import io.vigil.notify.config.AlertmanagerConfig;

/** Routing through the tree as Alertmanager's Route.Match, and the group keys it produces. */
class RoutingTest {

    /**
     * db (continue) and pager catch critical alerts of the db team both; the db-fallback route is reached only
     * by db alerts pager does not take, and "never" not at all, being after it.
     */
    private static final AlertmanagerConfig TREE = config(route("default").groupBy("alertname").routes(
            route("db").match("team=db").continueMatching(),
            route("pager").match("severity=critical").routes(
                    route("web-pager").match("service=web"),
                    route("api-pager").match("service=~api|gateway").groupBy("...")),
            route("db-fallback").match("team=db"),
            route("never").match("team=db")))
            .webhooks("default", "db", "pager", "web-pager", "api-pager", "db-fallback", "never").build();

    @Test
    void continueAndFallbacksPickTheRoutesAlertmanagerWould() {
        Timeline t = new Timeline(TREE);
        t.at("0s").fire("x", "alertname", "X", "team", "db", "severity", "critical", "service", "batch")
                .fire("y", "alertname", "Y", "team", "db", "severity", "warning")
                .fire("z", "alertname", "Z", "severity", "critical", "service", "web")
                .fire("w", "alertname", "W", "foo", "bar")
                .fire("v", "alertname", "V", "severity", "critical", "service", "api", "instance", "i1");

        assertThat(t.dispatcher.groups()).extracting(GroupView::groupKey, GroupView::receiver).containsExactly(
                tuple("{}/{severity=\"critical\"}/{service=\"web\"}:{alertname=\"Z\"}", "web-pager"),
                tuple("{}/{severity=\"critical\"}/{service=~\"api|gateway\"}:"
                        + "{alertname=\"V\", instance=\"i1\", service=\"api\", severity=\"critical\"}", "api-pager"),
                tuple("{}/{severity=\"critical\"}:{alertname=\"X\"}", "pager"),
                tuple("{}/{team=\"db\"}:{alertname=\"X\"}", "db"),
                tuple("{}/{team=\"db\"}:{alertname=\"Y\"}", "db"),
                tuple("{}/{team=\"db\"}:{alertname=\"Y\"}", "db-fallback"),
                tuple("{}:{alertname=\"W\"}", "default"));

        t.at("30s").expect(sent("db", "first_notification", "x"), sent("pager", "first_notification", "x"),
                sent("db", "first_notification", "y"), sent("db-fallback", "first_notification", "y"),
                sent("web-pager", "first_notification", "z"), sent("default", "first_notification", "w"),
                sent("api-pager", "first_notification", "v"));
        assertThat(t.dispatcher.alerts()).extracting(AlertView::receivers).containsExactly(
                List.of("db", "pager"), List.of("db", "db-fallback"),
                List.of("web-pager"), List.of("default"), List.of("api-pager"));
    }

    @Test
    void nestedRouteKeysListEachLevelsMatchersSorted() {
        AlertmanagerConfig nested = config(route("default").routes(
                route("deep").match("a=b").routes(route("deeper").match("team=~db|web", "severity=critical"))))
                .webhooks("default", "deep", "deeper").build();
        Timeline t = new Timeline(nested);
        t.at("0s").fire("a", "alertname", "X", "a", "b", "team", "web", "severity", "critical")
                .at("30s").expect(sent("deeper", "first_notification", "a"));
        assertThat(t.last().groupKey()).isEqualTo("{}/{a=\"b\"}/{severity=\"critical\",team=~\"db|web\"}:{}");
        assertThat(t.last().groupLabels()).isEmpty();
    }

    @Test
    void groupByKeepsOnlyTheLabelsAnAlertHasAndQuotesValuesAsGo() {
        AlertmanagerConfig config = config(route("team").groupBy("alertname", "cluster")).webhooks("team").build();
        Timeline t = new Timeline(config);
        t.at("0s").fire("a", "alertname", "Disk \"full\"", "instance", "x")
                .fire("b", "alertname", "Disk \"full\"", "instance", "y")
                .fire("c", "alertname", "Disk \"full\"", "cluster", "eu\n1")
                .at("30s").expect(sent("team", "first_notification", "a", "b"),
                        sent("team", "first_notification", "c"));
        Notification ab = t.sent().get(0);
        assertThat(ab.groupKey()).isEqualTo("{}:{alertname=\"Disk \\\"full\\\"\"}");
        assertThat(ab.groupLabels()).isEqualTo(Map.of("alertname", "Disk \"full\""));
        assertThat(t.sent().get(1).groupKey())
                .isEqualTo("{}:{alertname=\"Disk \\\"full\\\"\", cluster=\"eu\\n1\"}");
    }

    @Test
    void groupByAllMakesEveryLabelSetItsOwnGroup() {
        AlertmanagerConfig config = config(route("team").groupBy("...")).webhooks("team").build();
        Timeline t = new Timeline(config);
        t.at("0s").fire("a", "alertname", "Down", "instance", "x")
                .fire("b", "alertname", "Down", "instance", "y")
                .at("30s").expect(sent("team", "first_notification", "a"), sent("team", "first_notification", "b"));
        assertThat(t.sent()).extracting(Notification::groupKey).containsExactly(
                "{}:{alertname=\"Down\", instance=\"x\"}", "{}:{alertname=\"Down\", instance=\"y\"}");
        assertThat(t.last().groupLabels()).isEqualTo(Map.of("alertname", "Down", "instance", "y"));
    }

    @Test
    void withoutGroupByEveryAlertOfARouteIsInOneGroup() {
        AlertmanagerConfig config = config(route("team")).webhooks("team").build();
        Timeline t = new Timeline(config);
        t.at("0s").fire("a", "alertname", "Down").fire("b", "alertname", "Slow")
                .at("30s").expect(sent("team", "first_notification", "a", "b"));
        assertThat(t.last().groupKey()).isEqualTo("{}:{}");
    }
}
