package io.vigil.notify;

/** The four matcher operators of Alertmanager (and PromQL). */
public enum MatchType {
    EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

    private final String symbol;

    MatchType(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isRegex() {
        return this == REGEX || this == NOT_REGEX;
    }

    public boolean isEqual() {
        return this == EQUAL || this == REGEX;
    }

    public static MatchType of(boolean isRegex, boolean isEqual) {
        return isRegex ? (isEqual ? REGEX : NOT_REGEX) : (isEqual ? EQUAL : NOT_EQUAL);
    }
}
