package io.vigil.config;

/**
 * Thrown by a config record's constructor when one of its keys holds a value it cannot use; the
 * binder turns it into a {@link ConfigException} pointing at that key's line.
 */
public class InvalidKeyException extends IllegalArgumentException {

    private final String key;

    public InvalidKeyException(String key, String problem) {
        super(problem);
        this.key = key;
    }

    /** The YAML key, possibly dotted for nested keys ({@code tls_config.insecure_skip_verify}). */
    public String key() {
        return key;
    }
}
