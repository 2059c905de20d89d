package io.vigil.notify.dispatch;

import static io.vigil.notify.dispatch.Configs.config;
import static io.vigil.notify.dispatch.Configs.route;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.RouteConfig;
import io.vigil.sample.Labels;

/**
 * Routing and grouping throughput of {@link Dispatcher#put}: 50,000 alerts (100 alert names x 100 services x 5
 * instances) held in 10,000 groups, re-posted in turn as senders do every evaluation. The tree has three levels:
 * a regex route with continue that prod alerts pass by, ten team routes grouping by alertname and service, and
 * under each a critical and a warning/info route. One inhibition rule indexes the critical alerts as sources.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main
 * io.vigil.notify.dispatch.DispatcherBenchmark -f 1 -wi 3 -w 2s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class DispatcherBenchmark {

    static final int ALERT_NAMES = 100;
    static final int SERVICES = 100;
    static final int INSTANCES = 5;
    static final int TEAMS = 10;
    static final Instant STARTED = Instant.parse("2026-11-27T12:00:00Z");

    Dispatcher dispatcher;
    NotifiableAlert[] reposts;
    int next;

    @Setup(Level.Trial)
    public void fill() {
        Instant now = STARTED.plus(Duration.ofMinutes(1));
        NotificationSink discard = new NotificationSink() {
            @Override
            public void notify(Notification notification) {
            }

            @Override
            public void suppressed(Suppression suppression) {
            }
        };
        dispatcher = new Dispatcher(tree(), Silencer.NONE, discard, Clock.fixed(now, ZoneOffset.UTC));
        for (NotifiableAlert alert : alerts(now)) {
            dispatcher.put(alert);
        }
        int groups = dispatcher.groups().size();
        if (groups != ALERT_NAMES * SERVICES) {
            throw new IllegalStateException("expected 10,000 groups, got " + groups);
        }
        // Equal label sets built anew, as a decoded post brings them: lookups compare, not just hash.
        reposts = alerts(now);
    }

    static AlertmanagerConfig tree() {
        Configs.Route root = route("default").groupBy("alertname")
                .routes(route("audit").match("env=~staging|dev.*").continueMatching());
        Configs.Config config = config(root);
        config.webhooks("default", "audit");
        for (int team = 0; team < TEAMS; team++) {
            root.routes(route("team-" + team).match("team=team-" + team).groupBy("alertname", "service").routes(
                    route("pager-" + team).match("severity=critical"),
                    route("ticket-" + team).match("severity=~warning|info")));
            config.webhooks("team-" + team, "pager-" + team, "ticket-" + team);
        }
        config.inhibit(List.of("severity=critical"), List.of("severity=warning"), "service");
        AlertmanagerConfig built = config.build();
        RouteConfig leaf = built.route().routes().get(1).routes().get(0);
        if (!leaf.path().equals("route.routes[1].routes[0]")) {
            throw new IllegalStateException("unexpected tree " + leaf.path());
        }
        return built;
    }

    static NotifiableAlert[] alerts(Instant now) {
        String[] severities = {"critical", "warning", "info"};
        NotifiableAlert[] alerts = new NotifiableAlert[ALERT_NAMES * SERVICES * INSTANCES];
        int i = 0;
        for (int name = 0; name < ALERT_NAMES; name++) {
            for (int service = 0; service < SERVICES; service++) {
                for (int instance = 0; instance < INSTANCES; instance++) {
                    Labels labels = Labels.of("alertname", "Alert" + name, "service", "svc-" + service,
                            "team", "team-" + (service % TEAMS), "severity", severities[name % 3],
                            "env", "prod", "instance", "host-" + instance + ":9100", "job", "node");
                    alerts[i++] = new NotifiableAlert(labels, Map.of("summary", "Alert" + name + " on svc-" + service),
                            STARTED, now.plus(Duration.ofMinutes(4)), "http://prometheus:9090/graph", true);
                }
            }
        }
        return alerts;
    }

    /** One alert posted again: merged with the held one, routed, and found in its group. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void putExistingAlert() {
        dispatcher.put(reposts[next]);
        next = next + 1 == reposts.length ? 0 : next + 1;
    }
}
