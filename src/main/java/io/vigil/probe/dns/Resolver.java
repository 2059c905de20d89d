package io.vigil.probe.dns;

import io.vigil.config.InvalidKeyException;

/** A name server given as {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}; the port defaults to 53. */
public record Resolver(String host, int port) {

    static final int DNS_PORT = 53;

    public static Resolver parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw invalid(text, "must not be empty");
        }
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw invalid(text, "missing \"]\" after the IPv6 address");
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid(text, "expected \":port\" after \"]\"");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
                // A bare IPv6 address cannot be told apart from one with a port appended.
                throw invalid(text, "write an IPv6 address in brackets, e.g. [2001:db8::1]:53");
            }
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(text, "the host is missing");
        }
        return new Resolver(host, port == null ? DNS_PORT : parsePort(text, port));
    }

    private static int parsePort(String text, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // Reported below together with the out-of-range case.
        }
        throw invalid(text, "the port must be a number between 1 and 65535, got \"" + port + "\"");
    }

    private static InvalidKeyException invalid(String text, String problem) {
        return new InvalidKeyException("resolver", "cannot read \"" + text + "\" as host:port: " + problem);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
