package io.vigil.probe.tls;

import io.vigil.config.InvalidKeyException;
import io.vigil.probe.TlsConfig;

/** The keys of a {@code type: tls} probe, named as blackbox_exporter's tcp prober with tls names them. */
public record TlsSpec(String host, Integer port, String serverName, TlsConfig tlsConfig) {

    public TlsSpec {
        if (host == null || host.isBlank()) {
            throw new InvalidKeyException("host", "missing required key \"host\"");
        }
        host = host.strip();
        if (host.contains("/")) {
            throw new InvalidKeyException("host", "must be a host name or IP address, without scheme or path, got \"" + host + "\"");
        }
        if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            // One colon is host:port, which would otherwise fail later as an unknown host.
            throw new InvalidKeyException("host", "must not carry a port, set the port key instead (got \"" + host + "\")");
        }
        port = port == null ? 443 : port;
        if (port < 1 || port > 65535) {
            throw new InvalidKeyException("port", "must be between 1 and 65535, got " + port);
        }
        if (serverName != null && serverName.isBlank()) {
            throw new InvalidKeyException("server_name", "must not be empty (leave it out to use the host)");
        }
        serverName = serverName == null ? host : serverName.strip();
        tlsConfig = tlsConfig == null ? TlsConfig.DEFAULT : tlsConfig;
    }
}
