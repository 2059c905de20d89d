package io.vigil.config;

/** A configuration became the running one; {@code previous} is null at start-up. */
public record ConfigApplied(VigilConfig config, VigilConfig previous) {
}
