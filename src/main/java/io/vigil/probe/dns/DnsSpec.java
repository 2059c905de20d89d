package io.vigil.probe.dns;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.vigil.config.InvalidKeyException;

/**
 * The keys of a {@code type: dns} probe, named as blackbox_exporter's dns prober names them.
 *
 * @param queryName the name to look up
 * @param queryType A, AAAA, CNAME, MX, TXT or NS, upper-cased; A when not given
 * @param resolver the name server as host, host:port or [ipv6]:port; null for the system's own
 * @param validAnswers regexps that must each match at least one answer
 */
public record DnsSpec(String queryName, String queryType, String resolver, List<Pattern> validAnswers) {

    public DnsSpec {
        if (queryName == null || queryName.isBlank()) {
            throw new InvalidKeyException("query_name", "missing required key \"query_name\"");
        }
        queryName = queryName.strip();
        queryType = queryType == null ? QueryType.A.name() : queryType.strip().toUpperCase(Locale.ROOT);
        if (!QueryType.isKnown(queryType)) {
            throw new InvalidKeyException("query_type", "unsupported query_type \"" + queryType + "\" (allowed: "
                    + Arrays.stream(QueryType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
        if (resolver != null) {
            resolver = Resolver.parse(resolver).toString();
        }
        validAnswers = validAnswers == null ? List.of() : List.copyOf(validAnswers);
    }

    public QueryType type() {
        return QueryType.valueOf(queryType);
    }

    /** The configured name server, or null when the system's one is to be asked. */
    public Resolver resolverAddress() {
        return resolver == null ? null : Resolver.parse(resolver);
    }
}
