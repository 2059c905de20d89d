package io.vigil.probe.api;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful (2xx) answer of a SaaS API: its status, headers and JSON body. */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
