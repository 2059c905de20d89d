package io.vigil.rule.promql;

/** The type of value an expression evaluates to, as Prometheus types them. */
public enum ValueType {
    SCALAR("scalar"),
    VECTOR("instant vector"),
    MATRIX("range vector"),
    STRING("string");

    private final String documentedName;

    ValueType(String documentedName) {
        this.documentedName = documentedName;
    }

    /** The name Prometheus's documentation and error messages use, e.g. "range vector". */
    public String documentedName() {
        return documentedName;
    }
}
