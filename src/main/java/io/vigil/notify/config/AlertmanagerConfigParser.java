package io.vigil.notify.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.config.ConfigException;
import io.vigil.config.EnvSubstitution;
import io.vigil.config.YamlDocument;
import io.vigil.config.YamlSection;
import io.vigil.notify.Matcher;
import io.vigil.notify.Matchers;
import io.vigil.sample.Labels;
import io.vigil.notify.Secret;

/**
 * Reads an Alertmanager configuration file, in the subset of CONTRACT section 4, into an {@link AlertmanagerConfig}
 * with everything inherited or defaulted already resolved. It validates what Alertmanager 0.25's
 * {@code config.Load} validates, so a file Vigil accepts is one {@code amtool check-config} accepts too, and it
 * rejects every key outside the subset rather than ignore it: a setting that silently does nothing is worse than
 * an error at startup.
 */
public final class AlertmanagerConfigParser {

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("global", "route", "receivers", "inhibit_rules", "time_intervals");
    private static final Set<String> GLOBAL_KEYS = Set.of("resolve_timeout", "smtp_smarthost", "smtp_from",
            "smtp_auth_username", "smtp_auth_password", "smtp_require_tls", "slack_api_url");
    private static final Set<String> INHIBIT_KEYS = Set.of("source_matchers", "target_matchers", "equal");
    /** Prometheus label names, which group_by and equal take; matchers also allow ":" as Alertmanager does. */

    private static final String SECRET_FILE_HINT = "write the secret as ${NAME} and set that environment variable";
    private static final String CONTENT_HINT = "Vigil writes the notification's content itself";

    /** Alertmanager keys outside the subset that have a way to say the same thing inside it. */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("templates", "notification templates are Vigil's own files, not part of this config"),
            Map.entry("mute_time_intervals", "use time_intervals, which takes the same entries"),
            Map.entry("match", "use matchers, e.g. matchers: ['severity=\"critical\"']"),
            Map.entry("match_re", "use matchers with =~, e.g. matchers: ['service=~\"web|api\"']"),
            Map.entry("source_match", "use source_matchers"),
            Map.entry("source_match_re", "use source_matchers with =~"),
            Map.entry("target_match", "use target_matchers"),
            Map.entry("target_match_re", "use target_matchers with =~"),
            Map.entry("smtp_auth_password_file", SECRET_FILE_HINT),
            Map.entry("slack_api_url_file", SECRET_FILE_HINT),
            Map.entry("auth_password_file", SECRET_FILE_HINT),
            Map.entry("api_url_file", SECRET_FILE_HINT),
            Map.entry("url_file", SECRET_FILE_HINT),
            Map.entry("title", CONTENT_HINT),
            Map.entry("text", CONTENT_HINT),
            Map.entry("html", CONTENT_HINT),
            Map.entry("color", CONTENT_HINT));

    /** Alertmanager's order for a route's matchers (name, value, type), which is how it prints route keys. */
    private static final Comparator<Matcher> MATCHER_ORDER =
            Comparator.comparing(Matcher::name).thenComparing(Matcher::value).thenComparing(Matcher::type);

    private AlertmanagerConfigParser() {
    }

    /**
     * Parses and validates {@code text}, substituting {@code ${NAME}} in values first.
     *
     * @param file shown in error messages
     * @throws ConfigException naming the file, the line and the problem
     */
    public static AlertmanagerConfig parse(String file, String text, EnvSubstitution env) {
        YamlDocument document = YamlDocument.parse(file, text);
        env.apply(document);
        YamlSection root = document.rootSection();
        checkKeys(root, TOP_LEVEL_KEYS);
        YamlSection global = root.section("global");
        checkKeys(global, GLOBAL_KEYS);
        Duration resolveTimeout = global.duration("resolve_timeout", AlertmanagerGlobal.DEFAULT_RESOLVE_TIMEOUT);
        Map<String, TimeIntervalConfig> timeIntervals = TimeIntervalParser.parse(root.sections("time_intervals"));
        Map<String, ReceiverConfig> receivers = ReceiverParser.parse(root.sections("receivers"), defaults(global));
        if (!root.has("route")) {
            throw new ConfigException(file, 0,
                    "no route provided: the root route with its default receiver is required");
        }
        RouteConfig route = RouteParser.parse(root.section("route"), receivers.keySet(), timeIntervals.keySet());
        List<InhibitRuleConfig> inhibitRules = new ArrayList<>();
        for (YamlSection rule : root.sections("inhibit_rules")) {
            inhibitRules.add(inhibitRule(rule, "inhibit_rules[" + inhibitRules.size() + "]"));
        }
        return new AlertmanagerConfig(file, new AlertmanagerGlobal(resolveTimeout), route, receivers, inhibitRules,
                timeIntervals);
    }

    private static ReceiverParser.Defaults defaults(YamlSection global) {
        String smarthost = global.string("smtp_smarthost", "");
        if (!smarthost.isEmpty()) {
            ReceiverParser.checkSmarthost(global, "smtp_smarthost", smarthost);
        }
        String password = global.string("smtp_auth_password", "");
        String slack = global.string("slack_api_url", null);
        if (slack != null) {
            httpUrl(global, "slack_api_url", slack);
        }
        return new ReceiverParser.Defaults(smarthost, global.string("smtp_from", ""),
                global.string("smtp_auth_username", ""), password.isEmpty() ? null : new Secret(password),
                global.bool("smtp_require_tls", true), slack == null ? null : new Secret(slack));
    }

    private static InhibitRuleConfig inhibitRule(YamlSection rule, String path) {
        checkKeys(rule, INHIBIT_KEYS);
        List<String> equal = stringList(rule, "equal");
        for (int i = 0; i < equal.size(); i++) {
            if (!Labels.isValidName(equal.get(i))) {
                throw rule.document().error(rule.pointerOf("equal").appendIndex(i),
                        "\"" + equal.get(i) + "\" is not a valid label name");
            }
        }
        return new InhibitRuleConfig(matchers(rule, "source_matchers"), matchers(rule, "target_matchers"), equal,
                path);
    }

    /** Rejects a key outside {@code supported}, saying what to write instead where the subset has a way. */
    static void checkKeys(YamlSection section, Set<String> supported) {
        Iterator<String> names = section.node().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!supported.contains(name)) {
                String hint = HINTS.get(name);
                throw section.error(name, "unsupported key \"" + name + "\"" + (hint == null ? "" : ": " + hint)
                        + " (Vigil supports here: " + String.join(", ", new TreeSet<>(supported)) + ")");
            }
        }
    }

    /** A list of single values; unlike {@link YamlSection#stringList}, a lone value is an error, as in Alertmanager. */
    static List<String> stringList(YamlSection section, String key) {
        if (!section.has(key)) {
            return List.of();
        }
        JsonNode list = section.node().get(key);
        if (!list.isArray()) {
            throw section.error(key, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isValueNode() || list.get(i).isNull()) {
                throw section.document().error(section.pointerOf(key).appendIndex(i), "must be a single value");
            }
            out.add(list.get(i).asText());
        }
        return out;
    }

    /** A list of matcher strings, each of which may hold several comma-separated matchers. */
    static List<Matcher> matchers(YamlSection section, String key) {
        List<String> lines = stringList(section, key);
        List<Matcher> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.addAll(Matchers.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw section.document().error(section.pointerOf(key).appendIndex(i), e.getMessage());
            }
        }
        out.sort(MATCHER_ORDER);
        return out;
    }

    /**
     * An absolute http or https URL, as Alertmanager's URL type requires. The value is never put in the message:
     * a Slack or webhook URL is itself the credential.
     */
    static Secret httpUrl(YamlSection section, String key, String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw section.error(key, "must be an absolute http:// or https:// URL with a host");
            }
            return new Secret(text);
        } catch (URISyntaxException e) {
            throw section.error(key, "is not a valid URL (" + e.getReason() + "; the value is not shown)");
        }
    }
}
