package io.vigil.rule.template;

import java.util.List;
import java.util.function.Consumer;

import io.vigil.rule.template.GoValues.GoMap;
import io.vigil.rule.template.GoValues.GoSlice;
import io.vigil.rule.template.GoValues.GoStruct;

/**
 * Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf} over template values, including Go's in-band error
 * notes such as {@code %!d(string=hi)}, {@code %!d(MISSING)} and {@code %!(EXTRA ...)}.
 *
 * <p>Not covered: explicit argument indexes ({@code %[1]d}) and the Go-syntax forms {@code %#v}, which print as
 * {@code %v}.
 */
final class GoFmt {

    /** Go refuses widths and precisions above this as "too large". */
    private static final int MAX_NUM = 1_000_000;

    private final StringBuilder buf = new StringBuilder();
    private final GoFmtState fmt = new GoFmtState(buf);

    private GoFmt() {
    }

    /** {@code fmt.Sprint}: spaces only between operands when neither side is a string. */
    static String sprint(List<Object> args) {
        GoFmt p = new GoFmt();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = arg instanceof String;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(arg, 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    static String sprintln(List<Object> args) {
        GoFmt p = new GoFmt();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(args.get(i), 'v');
        }
        return p.buf.append('\n').toString();
    }

    /** The default format of one value, as {@code {{ value }}} prints it. */
    static String print(Object value) {
        if (value instanceof String s) {
            return s;
        }
        GoFmt p = new GoFmt();
        p.printArg(value, 'v');
        return p.buf.toString();
    }

    static String sprintf(String format, List<Object> args) {
        GoFmt p = new GoFmt();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    private void doPrintf(String format, List<Object> args) {
        int end = format.length();
        int argNum = 0;
        int i = 0;
        while (i < end) {
            int percent = format.indexOf('%', i);
            if (percent < 0) {
                buf.append(format, i, end);
                break;
            }
            buf.append(format, i, percent);
            i = percent + 1;
            fmt.clearFlags();
            i = fmt.parseFlags(format, i);
            if (i < end && format.charAt(i) == '*') {
                i++;
                fmt.widPresent = intArg(args, argNum++, true);
                if (!fmt.widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
            } else {
                int start = i;
                i = parseNum(format, i, true);
                fmt.widPresent = i > start && fmt.wid <= MAX_NUM;
            }
            if (i < end && format.charAt(i) == '.') {
                i++;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    fmt.precPresent = intArg(args, argNum++, false);
                    if (!fmt.precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                } else {
                    i = parseNum(format, i, false);
                    fmt.precPresent = fmt.prec <= MAX_NUM;
                }
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (argNum >= args.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    // %+v asks for struct field names, not a sign; %#v (Go syntax) is printed as %v.
                    fmt.plusV = fmt.plus;
                    fmt.plus = false;
                    fmt.sharp = false;
                }
                printArg(args.get(argNum++), verb);
            }
        }
        if (argNum < args.size()) {
            extra(args.subList(argNum, args.size()));
        }
    }

    /** Go's note for unused operands: {@code %!(EXTRA type=value, ...)}. */
    private void extra(List<Object> args) {
        fmt.clearFlags();
        buf.append("%!(EXTRA ");
        for (int k = 0; k < args.size(); k++) {
            if (k > 0) {
                buf.append(", ");
            }
            Object arg = args.get(k);
            if (arg == null) {
                buf.append("<nil>");
            } else {
                buf.append(GoValues.typeName(arg)).append('=');
                printArg(arg, 'v');
            }
        }
        buf.append(')');
    }

    private int parseNum(String format, int i, boolean width) {
        int num = 0;
        while (i < format.length() && Character.isDigit(format.charAt(i)) && format.charAt(i) < 128) {
            num = Math.min(num * 10 + format.charAt(i) - '0', MAX_NUM + 1);
            i++;
        }
        if (width) {
            fmt.wid = num;
        } else {
            fmt.prec = num;
        }
        return i;
    }

    /** A {@code *} width or precision taken from an int argument; a negative width means left-justify. */
    private boolean intArg(List<Object> args, int argNum, boolean width) {
        if (argNum >= args.size() || !(args.get(argNum) instanceof Long n) || Math.abs(n) > MAX_NUM) {
            return false;
        }
        if (width) {
            fmt.wid = (int) Math.abs(n);
            if (n < 0) {
                fmt.minus = true;
                fmt.zero = false;
            }
            return true;
        }
        fmt.prec = (int) n.longValue();
        return n >= 0;
    }

    private void printArg(Object arg, int verb) {
        if (verb == 'T') {
            fmt.fmtString(GoValues.typeName(arg), 's');
            return;
        }
        switch (GoValues.unwrap(arg)) {
            case null -> {
                if (verb == 'v') {
                    fmt.pad("<nil>");
                } else {
                    badVerb(null, verb);
                }
            }
            case Boolean b -> {
                if (verb == 't' || verb == 'v') {
                    fmt.fmtBoolean(b);
                } else {
                    badVerb(b, verb);
                }
            }
            case Long n -> {
                if (!fmt.printInteger(n, verb)) {
                    badVerb(n, verb);
                }
            }
            case Double d -> {
                if (!fmt.printFloat(d, verb)) {
                    badVerb(d, verb);
                }
            }
            case String s -> {
                if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
                    fmt.fmtString(s, (char) verb);
                } else {
                    badVerb(s, verb);
                }
            }
            case GoMap m -> printSequence("map[", "]", m.entries().entrySet(), e -> {
                printArg(e.getKey(), verb);
                buf.append(':');
                printArg(e.getValue(), verb);
            });
            case GoSlice s -> printSequence("[", "]", s.elements(), e -> printArg(e, verb));
            case GoStruct s -> printSequence("{", "}", s.fields().entrySet(), e -> {
                if (fmt.plusV) {
                    buf.append(e.getKey()).append(':');
                }
                printArg(e.getValue(), verb);
            });
            default -> badVerb(arg, verb);
        }
    }

    /** Composite values print their elements with the same verb, separated by spaces. */
    private <T> void printSequence(String open, String close, Iterable<T> items, Consumer<T> each) {
        buf.append(open);
        boolean first = true;
        for (T item : items) {
            if (!first) {
                buf.append(' ');
            }
            first = false;
            each.accept(item);
        }
        buf.append(close);
    }

    /** Go's note for a verb that does not suit the operand, e.g. {@code %!d(string=hi)}. */
    private void badVerb(Object arg, int verb) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        }
        buf.append(')');
    }
}
