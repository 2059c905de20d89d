package io.vigil.rule.template;

/** Go's net.SplitHostPort, net.JoinHostPort and the "is this an IP" half of net.ParseIP, for stripPort/stripDomain. */
final class HostPort {

    private HostPort() {
    }

    /** {host, port}, or null where Go's SplitHostPort returns an error. */
    static String[] split(String hostport) {
        int i = hostport.lastIndexOf(':');
        if (i < 0) {
            return null;
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostport.charAt(0) == '[') {
            int end = hostport.indexOf(']');
            // The closing bracket must sit right before the last colon.
            if (end < 0 || end + 1 != i) {
                return null;
            }
            host = hostport.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostport.substring(0, i);
            if (host.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hostport.indexOf('[', j) >= 0 || hostport.indexOf(']', k) >= 0) {
            return null;
        }
        return new String[] {host, hostport.substring(i + 1)};
    }

    static String join(String host, String port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    static boolean isIp(String s) {
        return isIpv4(s) || s.indexOf(':') >= 0 && isIpv6(s);
    }

    /** Dotted decimal, four fields of at most three digits, no leading zeros (Go 1.17 and later). */
    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        int ellipsis = s.indexOf("::");
        if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
            return false;
        }
        int groups = 0;
        String[] halves = ellipsis >= 0
                ? new String[] {s.substring(0, ellipsis), s.substring(ellipsis + 2)} : new String[] {s};
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] fields = halves[h].split(":", -1);
            for (int f = 0; f < fields.length; f++) {
                String field = fields[f];
                boolean last = h == halves.length - 1 && f == fields.length - 1;
                if (last && field.indexOf('.') >= 0 && isIpv4(field)) {
                    groups += 2;
                } else if (!field.isEmpty() && field.length() <= 4
                        && field.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return ellipsis >= 0 ? groups < 8 : groups == 8;
    }
}
