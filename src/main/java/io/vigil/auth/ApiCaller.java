package io.vigil.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling the API in this request: the name of the token presented, when one was. */
@RequestScoped
public class ApiCaller {

    private String name;

    void authenticated(String tokenName) {
        this.name = tokenName;
    }

    /** The token's name, e.g. the default {@code by} of an acknowledgement. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }
}
