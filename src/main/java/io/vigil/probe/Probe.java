package io.vigil.probe;

import java.util.Map;
import java.util.Set;

/**
 * A kind of check ({@code http}, {@code tls}, ...). A new type is one package holding an
 * {@code @ApplicationScoped} implementation and the record of its keys; CDI finds it.
 *
 * @param <S> the record that the type-specific keys of a probe in vigil.yaml bind onto
 */
public interface Probe<S> {

    /** The value of {@code type:} in vigil.yaml. */
    String type();

    /** The record of this type's keys; its constructor validates them. */
    Class<S> specType();

    /** The metric families this type produces beyond probe_success and probe_duration_seconds, with their help text. */
    Map<String, String> metrics();

    /**
     * The label names its samples set themselves (Supabase's {@code service}, Stripe's {@code status}...): a probe of
     * this type may not have labels of these names, or a sample's label would silently replace the probe's.
     */
    default Set<String> sampleLabels() {
        return Set.of();
    }

    /**
     * Runs one check. Failures of the target are an outcome, not an exception: return
     * {@link ProbeOutcome#failed(String)} with a reason a person can act on. An exception is
     * treated as a failure too, its message becoming the reason. Must respect
     * {@link ProbeContext#remaining()}; the runner interrupts a run that outlives its timeout.
     */
    ProbeOutcome run(S spec, ProbeContext context) throws Exception;
}
