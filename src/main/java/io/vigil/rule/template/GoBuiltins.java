package io.vigil.rule.template;

import static io.vigil.rule.template.TemplateFunction.ParamType.ANY;
import static io.vigil.rule.template.TemplateFunction.ParamType.STRING;
import static io.vigil.rule.template.TemplateFunction.ParamType.VALUE;
import static io.vigil.rule.template.TemplateFunction.fixed;
import static io.vigil.rule.template.TemplateFunction.variadic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.vigil.rule.template.GoValues.GoMap;
import io.vigil.rule.template.GoValues.GoSlice;

/** The functions every Go template has: {@code and or not len index slice print printf println eq ne lt ...}. */
final class GoBuiltins {

    /** {@code and} and {@code or} short-circuit, so the executor evaluates them itself; these bodies never run. */
    static final Map<String, TemplateFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("and", variadic(VALUE, (args, c) -> args.getLast(), VALUE)),
            Map.entry("or", variadic(VALUE, (args, c) -> args.getLast(), VALUE)),
            Map.entry("not", fixed((args, c) -> !GoValues.truth(args.getFirst()), VALUE)),
            Map.entry("len", fixed((args, c) -> length(args.getFirst()), VALUE)),
            Map.entry("index", variadic(VALUE, (args, c) -> index(args.getFirst(), args.subList(1, args.size())),
                    VALUE)),
            Map.entry("slice", variadic(VALUE, (args, c) -> slice(args.getFirst(), args.subList(1, args.size())),
                    VALUE)),
            Map.entry("print", variadic(ANY, (args, c) -> GoFmt.sprint(args))),
            Map.entry("println", variadic(ANY, (args, c) -> GoFmt.sprintln(args))),
            Map.entry("printf", variadic(ANY, (args, c) -> GoFmt.sprintf((String) args.getFirst(),
                    args.subList(1, args.size())), STRING)),
            Map.entry("html", variadic(ANY, (args, c) -> GoStrings.htmlEscape(evalArgs(args)))),
            Map.entry("js", variadic(ANY, (args, c) -> GoStrings.jsEscape(evalArgs(args)))),
            Map.entry("urlquery", variadic(ANY, (args, c) -> GoStrings.queryEscape(evalArgs(args)))),
            Map.entry("call", TemplateFunction.unsupported("call")),
            Map.entry("eq", variadic(VALUE, (args, c) -> GoCompare.eq(args.getFirst(), args.subList(1, args.size())),
                    VALUE)),
            Map.entry("ne", fixed((args, c) -> GoCompare.ne(args.get(0), args.get(1)), VALUE, VALUE)),
            Map.entry("lt", fixed((args, c) -> GoCompare.lt(args.get(0), args.get(1)), VALUE, VALUE)),
            Map.entry("le", fixed((args, c) -> GoCompare.le(args.get(0), args.get(1)), VALUE, VALUE)),
            Map.entry("gt", fixed((args, c) -> GoCompare.gt(args.get(0), args.get(1)), VALUE, VALUE)),
            Map.entry("ge", fixed((args, c) -> GoCompare.ge(args.get(0), args.get(1)), VALUE, VALUE)));

    private GoBuiltins() {
    }

    /** Like Sprint, with the single-string case passed through untouched. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.getFirst() instanceof String s) {
            return s;
        }
        return GoFmt.sprint(args);
    }

    private static long length(Object item) throws FuncException {
        return switch (item) {
            case String s -> s.getBytes(StandardCharsets.UTF_8).length;
            case GoMap m -> m.entries().size();
            case GoSlice s -> s.elements().size();
            case null -> throw new FuncException("reflect: call of reflect.Value.Type on zero Value");
            default -> throw new FuncException("len of type " + GoValues.typeName(item));
        };
    }

    private static Object index(Object item, List<Object> indexes) throws FuncException {
        if (item == null) {
            throw new FuncException("index of untyped nil");
        }
        for (Object index : indexes) {
            item = switch (item) {
                case String s -> {
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    yield (long) (bytes[position(index, bytes.length, "string")] & 0xff);
                }
                case GoSlice s -> s.elements().get(position(index, s.elements().size(), "slice"));
                case GoMap m -> {
                    if (!(index instanceof String key)) {
                        throw new FuncException(index == null ? "value is nil; should be of type string"
                                : "value has type " + GoValues.typeName(index) + "; should be string");
                    }
                    Object value = m.entries().get(key);
                    yield value != null || m.entries().containsKey(key) ? value
                            : m.stringValued() ? "" : GoValues.Marker.NIL_INTERFACE;
                }
                default -> throw new FuncException("can't index item of type " + GoValues.typeName(item));
            };
        }
        return item;
    }

    /** An index into something of length {@code length}; Go checks 0..len, and indexing at len panics. */
    private static int position(Object index, int length, String what) throws FuncException {
        long x = indexArg(index, length);
        if (x == length) {
            throw new FuncException("reflect: " + what + " index out of range");
        }
        return (int) x;
    }

    private static long indexArg(Object index, int cap) throws FuncException {
        if (index == null) {
            throw new FuncException("cannot index slice/array with nil");
        }
        if (!(index instanceof Long x)) {
            throw new FuncException("cannot index slice/array with type " + GoValues.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new FuncException("index out of range: " + x);
        }
        return x;
    }

    private static Object slice(Object item, List<Object> indexes) throws FuncException {
        if (item == null) {
            throw new FuncException("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new FuncException("too many slice indexes: " + indexes.size());
        }
        int length;
        switch (item) {
            case String s -> {
                if (indexes.size() == 3) {
                    throw new FuncException("cannot 3-index slice a string");
                }
                length = s.getBytes(StandardCharsets.UTF_8).length;
            }
            case GoSlice s -> length = s.elements().size();
            default -> throw new FuncException("can't slice item of type " + GoValues.typeName(item));
        }
        long[] idx = {0, length, length};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), length);
        }
        if (idx[0] > idx[1]) {
            throw new FuncException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new FuncException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (item instanceof String s) {
            byte[] bytes = Arrays.copyOfRange(s.getBytes(StandardCharsets.UTF_8), (int) idx[0], (int) idx[1]);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new GoSlice(((GoSlice) item).elements().subList((int) idx[0], (int) idx[1]));
    }
}
