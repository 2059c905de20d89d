package io.vigil.config;

/**
 * A configuration was read and is about to become the running one. Observers that read further
 * files from it check them now and throw a {@link ConfigException} to refuse it; the running
 * configuration then stays.
 */
public record ConfigProposed(VigilConfig config) {
}
