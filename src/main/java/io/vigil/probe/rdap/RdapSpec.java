package io.vigil.probe.rdap;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.config.InvalidKeyException;

/**
 * The keys of a {@code type: rdap} probe.
 *
 * @param domain  the registered domain whose expiry to watch, e.g. {@code example.com}; held in its ASCII (IDNA)
 *                form, lower case, without a trailing dot, as RDAP servers look names up
 * @param baseUrl an RDAP bootstrap or registry server; {@code <base_url>/domain/<domain>} is asked
 */
public record RdapSpec(String domain, URI baseUrl) {

    public static final URI RDAP_ORG = URI.create("https://rdap.org");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public RdapSpec {
        if (domain == null || domain.isBlank()) {
            throw new InvalidKeyException("domain", "missing required key \"domain\"");
        }
        domain = hostname(domain.strip());
        baseUrl = baseUrl == null ? RDAP_ORG : baseUrl;
        if (baseUrl.getScheme() == null
                || !Set.of("http", "https").contains(baseUrl.getScheme().toLowerCase(Locale.ROOT))
                || baseUrl.getHost() == null || baseUrl.getRawQuery() != null) {
            throw new InvalidKeyException("base_url", "must be an absolute http:// or https:// URL without a query, "
                    + "such as https://rdap.org");
        }
    }

    /** Where this domain's record is asked for. */
    public URI domainUri() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/domain/" + domain);
    }

    private static String hostname(String given) {
        String problem = "must be a domain name such as example.com, got \"" + given + "\"";
        String ascii;
        try {
            ascii = IDN.toASCII(given.endsWith(".") ? given.substring(0, given.length() - 1) : given,
                    IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("domain", problem);
        }
        String[] labels = ascii.split("\\.", -1);
        // a bare TLD has no registration to expire, and an all-digit last label means an IP address
        if (ascii.length() > 253 || labels.length < 2 || DIGITS.matcher(labels[labels.length - 1]).matches()) {
            throw new InvalidKeyException("domain", problem);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidKeyException("domain", problem);
            }
        }
        return ascii;
    }
}
