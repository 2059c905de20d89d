package io.vigil.rule.template;

import java.util.List;

/**
 * A function callable from a template. The parameter types are those of the Go function it stands for, because they
 * decide Go's argument checks and messages ({@code wrong number of args for humanize: want 1 got 2},
 * {@code expected string; found 3}).
 *
 * @param params   fixed parameters
 * @param variadic type of the trailing {@code ...} parameter, or null
 * @param body     the implementation; it sees arguments already converted to the parameter types
 */
record TemplateFunction(List<ParamType> params, ParamType variadic, Body body) {

    /** The Go parameter types the template functions use. */
    enum ParamType {
        STRING("string"), ANY("interface {}"), VALUE("reflect.Value");

        private final String goName;

        ParamType(String goName) {
            this.goName = goName;
        }

        String goName() {
            return goName;
        }
    }

    /** Where a call happens: what functions such as {@code externalURL} read from outside their arguments. */
    record CallContext(String externalUrl) {
    }

    @FunctionalInterface
    interface Body {
        Object call(List<Object> args, CallContext context) throws FuncException;
    }

    static TemplateFunction fixed(Body body, ParamType... params) {
        return new TemplateFunction(List.of(params), null, body);
    }

    static TemplateFunction variadic(ParamType variadic, Body body, ParamType... params) {
        return new TemplateFunction(List.of(params), variadic, body);
    }

    /** A function Prometheus defines but Vigil cannot offer (PromQL queries, Go time values). */
    static TemplateFunction unsupported(String name) {
        return variadic(ParamType.ANY, (args, context) -> {
            throw new FuncException("function " + name + " is not supported");
        });
    }
}
