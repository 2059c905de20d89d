package io.vigil.rule.template;

import static io.vigil.rule.template.TemplateFunction.ParamType.ANY;
import static io.vigil.rule.template.TemplateFunction.ParamType.STRING;
import static io.vigil.rule.template.TemplateFunction.fixed;
import static io.vigil.rule.template.TemplateFunction.variadic;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.rule.template.GoValues.GoMap;

/**
 * The functions Prometheus adds to alert templates (template/template.go), with its output formats. The humanize
 * family lives in {@link Humanize}; PromQL queries and Go time values are not available and fail when called.
 */
final class PrometheusFunctions {

    static final Map<String, TemplateFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("humanize", fixed((args, c) -> Humanize.humanize(toFloat(args.getFirst())), ANY)),
            Map.entry("humanize1024", fixed((args, c) -> Humanize.humanize1024(toFloat(args.getFirst())), ANY)),
            Map.entry("humanizeDuration", fixed((args, c) -> Humanize.duration(toFloat(args.getFirst())), ANY)),
            Map.entry("humanizePercentage", fixed((args, c) -> Humanize.percentage(toFloat(args.getFirst())), ANY)),
            Map.entry("humanizeTimestamp", fixed((args, c) -> Humanize.timestamp(toFloat(args.getFirst())), ANY)),
            Map.entry("args", variadic(ANY, (args, c) -> argsMap(args))),
            Map.entry("match", fixed((args, c) -> GoRegex.compile(str(args, 0)).matches(str(args, 1)), STRING,
                    STRING)),
            Map.entry("reReplaceAll", fixed(PrometheusFunctions::reReplaceAll, STRING, STRING, STRING)),
            Map.entry("title", fixed((args, c) -> GoStrings.title(str(args, 0)), STRING)),
            Map.entry("toUpper", fixed((args, c) -> GoStrings.toUpper(str(args, 0)), STRING)),
            Map.entry("toLower", fixed((args, c) -> GoStrings.toLower(str(args, 0)), STRING)),
            Map.entry("safeHtml", fixed((args, c) -> str(args, 0), STRING)),
            Map.entry("stripPort", fixed((args, c) -> stripPort(str(args, 0)), STRING)),
            Map.entry("stripDomain", fixed((args, c) -> stripDomain(str(args, 0)), STRING)),
            Map.entry("graphLink", fixed((args, c) -> "/graph?g0.expr=" + GoStrings.queryEscape(str(args, 0))
                    + "&g0.tab=0", STRING)),
            Map.entry("tableLink", fixed((args, c) -> "/graph?g0.expr=" + GoStrings.queryEscape(str(args, 0))
                    + "&g0.tab=1", STRING)),
            Map.entry("parseDuration", fixed((args, c) -> Humanize.parseDuration(str(args, 0)), STRING)),
            Map.entry("externalURL", fixed((args, c) -> c.externalUrl() == null ? "" : c.externalUrl())),
            Map.entry("pathPrefix", fixed((args, c) -> pathPrefix(c.externalUrl()))),
            Map.entry("query", TemplateFunction.unsupported("query")),
            Map.entry("first", TemplateFunction.unsupported("first")),
            Map.entry("label", TemplateFunction.unsupported("label")),
            Map.entry("value", TemplateFunction.unsupported("value")),
            Map.entry("strvalue", TemplateFunction.unsupported("strvalue")),
            Map.entry("sortByLabel", TemplateFunction.unsupported("sortByLabel")),
            Map.entry("toTime", TemplateFunction.unsupported("toTime")));

    private PrometheusFunctions() {
    }

    private static String str(List<Object> args, int i) {
        return (String) args.get(i);
    }

    /** Prometheus' convertToFloat: numbers as they are, strings parsed the way Go parses floats. */
    static double toFloat(Object value) throws FuncException {
        return switch (value) {
            case Double d -> d;
            case Long l -> l.doubleValue();
            case String s -> GoStrconv.parseFloat(s);
            case null, default -> throw new FuncException("can't convert " + GoValues.typeName(value) + " to float");
        };
    }

    private static GoMap argsMap(List<Object> args) {
        TreeMap<String, Object> entries = new TreeMap<>(GoValues.KEY_ORDER);
        for (int i = 0; i < args.size(); i++) {
            entries.put("arg" + i, args.get(i));
        }
        return new GoMap(entries, false);
    }

    /** Prometheus compiles with MustCompile, so a bad pattern surfaces as the recovered panic text. */
    private static Object reReplaceAll(List<Object> args, TemplateFunction.CallContext context)
            throws FuncException {
        String pattern = str(args, 0);
        GoRegex regex;
        try {
            regex = GoRegex.compile(pattern);
        } catch (FuncException e) {
            String quoted = GoStrconv.canBackquote(pattern) ? "`" + pattern + "`" : GoStrconv.quote(pattern);
            throw new FuncException("regexp: Compile(" + quoted + "): " + e.getMessage());
        }
        return regex.replaceAll(str(args, 2), str(args, 1));
    }

    private static String stripPort(String hostPort) {
        String[] split = HostPort.split(hostPort);
        return split == null ? hostPort : split[0];
    }

    private static String stripDomain(String hostPort) {
        String[] split = HostPort.split(hostPort);
        String host = split == null ? hostPort : split[0];
        if (HostPort.isIp(host)) {
            return hostPort;
        }
        int dot = host.indexOf('.');
        host = dot < 0 ? host : host.substring(0, dot);
        return split != null && !split[1].isEmpty() ? HostPort.join(host, split[1]) : host;
    }

    /** The path of the external URL, decoded, as Go's url.URL.Path. */
    private static String pathPrefix(String externalUrl) {
        if (externalUrl == null || externalUrl.isEmpty()) {
            return "";
        }
        try {
            String path = new URI(externalUrl).getPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
