package io.vigil.rule.template;

/** A template function's error result; the executor reports it as {@code error calling NAME: MESSAGE}, as Go does. */
final class FuncException extends Exception {

    private static final long serialVersionUID = 1L;

    FuncException(String message) {
        // Expected and frequent (bad label values), so no stack trace.
        super(message, null, false, false);
    }
}
