package io.vigil.probe;

/**
 * Thrown inside a probe to end the run as failed with a reason. The message is shown to users as
 * is, so it must never carry a secret (no credentials, no full URL with a token in it).
 */
public class ProbeFailure extends Exception {

    public ProbeFailure(String reason) {
        super(reason, null, false, false);
    }
}
