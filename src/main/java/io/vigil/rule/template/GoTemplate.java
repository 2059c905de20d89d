package io.vigil.rule.template;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.vigil.rule.template.TemplateFunction.CallContext;

/**
 * A Go text/template, parsed once and executed any number of times, possibly concurrently. It knows Go's built-in
 * functions and Prometheus' template functions, and runs with Prometheus' option {@code missingkey=zero}: a missing
 * label is an empty string, and a lookup on no value gives {@code <no value>}.
 *
 * <p>Data may be plain Java: maps with string keys, lists, strings, booleans and boxed numbers (integers become Go
 * {@code int}, floating point becomes {@code float64}).
 */
public final class GoTemplate {

    static final Map<String, TemplateFunction> FUNCTIONS;

    static {
        Map<String, TemplateFunction> all = new HashMap<>(GoBuiltins.FUNCTIONS);
        all.putAll(PrometheusFunctions.FUNCTIONS);
        FUNCTIONS = Map.copyOf(all);
    }

    private final String name;
    private final String text;
    private final Parser.Parsed parsed;
    private final TemplateException parseError;

    private GoTemplate(String name, String text, Parser.Parsed parsed, TemplateException parseError) {
        this.name = name;
        this.text = text;
        this.parsed = parsed;
        this.parseError = parseError;
    }

    /** Parses {@code text}; a syntax error is kept and raised by {@link #execute}, never thrown here. */
    public static GoTemplate parse(String name, String text) {
        try {
            return new GoTemplate(name, text, Parser.parse(name, text, FUNCTIONS::containsKey), null);
        } catch (TemplateException e) {
            return new GoTemplate(name, text, null, e);
        } catch (StackOverflowError e) {
            return new GoTemplate(name, text, null, new TemplateException(TemplateException.Phase.PARSE,
                    "template: " + name + ": nested too deeply"));
        }
    }

    public String name() {
        return name;
    }

    /** Go's parse error, e.g. {@code template: x:1: function "humanise" not defined}, if the text did not parse. */
    public Optional<String> parseError() {
        return parseError == null ? Optional.empty() : Optional.of(parseError.getMessage());
    }

    /**
     * Executes the template.
     *
     * @param data        dot and {@code $}; plain Java data is converted as described on the class
     * @param externalUrl what the {@code externalURL} and {@code pathPrefix} functions report
     * @throws TemplateException with Go's message when the template did not parse or fails to execute
     */
    public String execute(Object data, String externalUrl) {
        if (parseError != null) {
            throw parseError;
        }
        try {
            return Executor.execute(text, name, parsed, FUNCTIONS, new CallContext(externalUrl),
                    GoValues.fromJava(data));
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Phase.EXECUTE,
                    "template: " + name + ": nested too deeply");
        }
    }
}
