package io.vigil.probe;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import io.vigil.sample.Labels;

/** The TLS samples http and tls probes share, named as blackbox_exporter names them. */
public final class Certificates {

    public static final String EARLIEST_CERT_EXPIRY = "probe_ssl_earliest_cert_expiry";
    public static final String EARLIEST_CERT_EXPIRY_HELP = "When the first certificate of the presented chain expires, in Unix seconds.";
    public static final String LAST_CHAIN_EXPIRY = "probe_ssl_last_chain_expiry_timestamp_seconds";
    public static final String LAST_CHAIN_EXPIRY_HELP = "When the chain that stays valid longest stops being valid, in Unix seconds.";
    public static final String TLS_VERSION_INFO = "probe_tls_version_info";
    public static final String TLS_VERSION_INFO_HELP = "The TLS version negotiated, as the version label.";

    private Certificates() {
    }

    /** Records the expiry samples of a presented chain and the negotiated protocol. */
    public static void record(ProbeContext context, List<? extends Certificate> chain, String protocol) {
        long earliest = Long.MAX_VALUE;
        for (Certificate certificate : chain) {
            if (certificate instanceof X509Certificate x509) {
                earliest = Math.min(earliest, x509.getNotAfter().getTime());
            }
        }
        if (earliest != Long.MAX_VALUE) {
            context.sample(EARLIEST_CERT_EXPIRY, earliest / 1000.0);
            // Vigil sees the one chain the server presents, so the longest-lived chain is that chain.
            context.sample(LAST_CHAIN_EXPIRY, earliest / 1000.0);
        }
        if (protocol != null) {
            context.sample(TLS_VERSION_INFO, Labels.of("version", blackboxVersionName(protocol)), 1);
        }
    }

    /** Java says "TLSv1.3", blackbox_exporter says "TLS 1.3": dashboards match on the latter. */
    static String blackboxVersionName(String protocol) {
        return protocol.startsWith("TLSv") ? "TLS " + protocol.substring(4) : protocol;
    }
}
