package io.vigil.probe;

/** blackbox_exporter's {@code tls_config}, the part of it Vigil supports. */
public record TlsConfig(Boolean insecureSkipVerify) {

    public static final TlsConfig DEFAULT = new TlsConfig(false);

    public TlsConfig {
        insecureSkipVerify = insecureSkipVerify != null && insecureSkipVerify;
    }
}
