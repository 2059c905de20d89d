package io.vigil.probe.api;

import io.vigil.probe.ProbeFailure;

/** An API answered a status that is not 2xx; probes for which one status means something (RDAP's 404) ask it. */
public class ApiStatusFailure extends ProbeFailure {

    private final int status;

    public ApiStatusFailure(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
