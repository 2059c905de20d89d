package io.vigil.probe;

/** Whether a run succeeded, and if not, why. */
public record ProbeOutcome(boolean success, String error) {

    private static final ProbeOutcome SUCCEEDED = new ProbeOutcome(true, null);

    public static ProbeOutcome succeeded() {
        return SUCCEEDED;
    }

    public static ProbeOutcome failed(String reason) {
        return new ProbeOutcome(false, reason);
    }
}
