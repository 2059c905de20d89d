package io.vigil.probe.tcp;

import io.vigil.config.InvalidKeyException;

/** The keys of a {@code type: tcp} probe. */
public record TcpSpec(String host, Integer port) {

    public TcpSpec {
        if (host == null || host.isBlank()) {
            throw new InvalidKeyException("host", "missing required key \"host\"");
        }
        if (port == null) {
            throw new InvalidKeyException("port", "missing required key \"port\"");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidKeyException("port", "must be between 1 and 65535, got " + port);
        }
    }
}
