package io.vigil.probe;

import io.vigil.config.ProbeDefinition;

/** A probe finished a run and its samples are in the history. */
public record ProbeRan(ProbeDefinition probe, ProbeResult result) {
}
