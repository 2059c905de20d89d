package io.vigil.notify.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.notify.MatchType;
import io.vigil.notify.Secret;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.AlertmanagerGlobal;
import io.vigil.notify.config.InhibitRuleConfig;
import io.vigil.notify.config.IntegrationConfig;
import io.vigil.notify.config.ReceiverConfig;
import io.vigil.notify.config.RouteConfig;
import io.vigil.notify.config.SlackConfig;
import io.vigil.notify.config.TimeIntervalConfig;
import io.vigil.notify.config.TimePeriod;
import io.vigil.notify.config.WebhookConfig;

/** Builds Alertmanager configurations for tests, resolving what routes inherit as the parser does. */
final class Configs {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)(=~|!~|!=|=)(.*)");

    private Configs() {
    }

    /** {@code 30s}, {@code 5m30s}, {@code 1h}, {@code -10m}. */
    static Duration duration(String text) {
        boolean negative = text.startsWith("-");
        Matcher m = DURATION.matcher(negative ? text.substring(1) : text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end != (negative ? text.length() - 1 : text.length()) || end == 0) {
            throw new IllegalArgumentException("bad duration " + text);
        }
        return negative ? total.negated() : total;
    }

    /** {@code severity=critical}, {@code team=~db|web}. */
    static io.vigil.notify.Matcher matcher(String text) {
        Matcher m = MATCHER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad matcher " + text);
        }
        MatchType type = Arrays.stream(MatchType.values()).filter(t -> t.symbol().equals(m.group(2))).findFirst()
                .orElseThrow();
        return new io.vigil.notify.Matcher(m.group(1), type, m.group(3));
    }

    static List<io.vigil.notify.Matcher> matchers(String... texts) {
        return Arrays.stream(texts).map(Configs::matcher).toList();
    }

    static WebhookConfig webhook(int index, boolean sendResolved) {
        return new WebhookConfig(index, sendResolved, new Secret("http://hooks.test/" + index), 0);
    }

    static SlackConfig slack(int index, boolean sendResolved) {
        return new SlackConfig(index, sendResolved, new Secret("https://slack.test/" + index), null, null, null);
    }

    static Route route(String receiver) {
        return new Route().receiver(receiver);
    }

    static Config config(Route root) {
        return new Config(root);
    }

    /** A route; a field left null is inherited, and the root's defaults are Alertmanager's. */
    static final class Route {
        private String receiver;
        private List<String> groupBy;
        private Duration groupWait;
        private Duration groupInterval;
        private Duration repeatInterval;
        private List<io.vigil.notify.Matcher> matchers = List.of();
        private boolean continueMatching;
        private List<String> mute = List.of();
        private List<String> active = List.of();
        private final List<Route> routes = new ArrayList<>();

        Route receiver(String name) {
            receiver = name;
            return this;
        }

        Route groupBy(String... names) {
            groupBy = List.of(names);
            return this;
        }

        Route match(String... texts) {
            matchers = matchers(texts);
            return this;
        }

        Route timers(String wait, String interval, String repeat) {
            groupWait = duration(wait);
            groupInterval = duration(interval);
            repeatInterval = duration(repeat);
            return this;
        }

        Route continueMatching() {
            continueMatching = true;
            return this;
        }

        Route mute(String... names) {
            mute = List.of(names);
            return this;
        }

        Route active(String... names) {
            active = List.of(names);
            return this;
        }

        Route routes(Route... children) {
            routes.addAll(List.of(children));
            return this;
        }

        RouteConfig build(RouteConfig parent, String path) {
            List<String> by = groupBy != null ? groupBy : parent == null ? List.of() : parent.groupBy();
            boolean all = groupBy != null ? groupBy.equals(List.of("...")) : parent != null && parent.groupByAll();
            List<RouteConfig> children = new ArrayList<>();
            RouteConfig self = new RouteConfig(
                    receiver != null ? receiver : parent.receiver(), all ? List.of() : by, all,
                    pick(groupWait, parent == null ? RouteConfig.DEFAULT_GROUP_WAIT : parent.groupWait()),
                    pick(groupInterval, parent == null ? RouteConfig.DEFAULT_GROUP_INTERVAL : parent.groupInterval()),
                    pick(repeatInterval,
                            parent == null ? RouteConfig.DEFAULT_REPEAT_INTERVAL : parent.repeatInterval()),
                    matchers, continueMatching, mute, active, List.of(), path);
            for (int i = 0; i < routes.size(); i++) {
                children.add(routes.get(i).build(self, path + ".routes[" + i + "]"));
            }
            return new RouteConfig(self.receiver(), self.groupBy(), self.groupByAll(), self.groupWait(),
                    self.groupInterval(), self.repeatInterval(), matchers, continueMatching, mute, active, children,
                    path);
        }

        private static Duration pick(Duration own, Duration inherited) {
            return own != null ? own : inherited;
        }
    }

    /** A whole configuration around a route tree. */
    static final class Config {
        private final Route root;
        private final Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
        private final List<InhibitRuleConfig> inhibitRules = new ArrayList<>();
        private final Map<String, TimeIntervalConfig> intervals = new LinkedHashMap<>();

        Config(Route root) {
            this.root = root;
        }

        Config receiver(String name, IntegrationConfig... integrations) {
            receivers.put(name, new ReceiverConfig(name, List.of(integrations)));
            return this;
        }

        /** Receivers with one webhook each, sending resolved alerts. */
        Config webhooks(String... names) {
            for (String name : names) {
                receiver(name, webhook(0, true));
            }
            return this;
        }

        Config inhibit(List<String> source, List<String> target, String... equal) {
            inhibitRules.add(new InhibitRuleConfig(matchers(source.toArray(String[]::new)),
                    matchers(target.toArray(String[]::new)), List.of(equal),
                    "inhibit_rules[" + inhibitRules.size() + "]"));
            return this;
        }

        Config interval(String name, TimePeriod... periods) {
            intervals.put(name, new TimeIntervalConfig(name, List.of(periods)));
            return this;
        }

        AlertmanagerConfig build() {
            return new AlertmanagerConfig("alertmanager.yml", new AlertmanagerGlobal(Duration.ofMinutes(5)),
                    root.build(null, "route"), receivers, inhibitRules, intervals);
        }
    }
}
