package io.vigil.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Alertmanager's matcher syntax ({@code pkg/labels/parse.go} of 0.25), shared by the config file, silences and the
 * API, so that a matcher copied from any Alertmanager tool means the same here. Accepted: {@code foo="bar"},
 * {@code foo=bar}, {@code foo=~"a|b"}, {@code foo!~...}, a comma-separated list, optionally in braces, with a
 * trailing comma allowed. Quoted values take the escapes {@code \"}, {@code \\} and {@code \n}.
 */
public final class Matchers {

    // '=~' before '=', or "a=~b" would read as a=("~b").
    private static final Pattern MATCHER =
            Pattern.compile("\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*(.*?)\\s*", Pattern.DOTALL);

    private Matchers() {
    }

    /** Parses a list of matchers; throws {@link IllegalArgumentException} naming the bad matcher. */
    public static List<Matcher> parse(String text) {
        List<Matcher> out = new ArrayList<>();
        for (String token : split(text)) {
            out.add(parseOne(token));
        }
        return List.copyOf(out);
    }

    /** Parses exactly one matcher, such as {@code severity="critical"}. */
    public static Matcher parseOne(String text) {
        java.util.regex.Matcher m = MATCHER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad matcher \"" + text.strip()
                    + "\": expected a label name, one of =, !=, =~, !~ and a value, e.g. severity=\"critical\"");
        }
        MatchType type = switch (m.group(2)) {
            case "=" -> MatchType.EQUAL;
            case "!=" -> MatchType.NOT_EQUAL;
            case "=~" -> MatchType.REGEX;
            default -> MatchType.NOT_REGEX;
        };
        String value = unescape(text.strip(), m.group(3));
        try {
            return new Matcher(m.group(1), type, value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad matcher \"" + text.strip() + "\": invalid regular expression \""
                    + value + "\": " + e.getDescription());
        }
    }

    /**
     * Splits on commas outside double quotes, as Alertmanager does: an escaped quote does not open or close a
     * quoted part. Only the last piece may be empty (a trailing comma).
     */
    private static List<String> split(String text) {
        String s = text.strip();
        if (s.startsWith("{")) {
            s = s.substring(1);
        }
        if (s.endsWith("}")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' && !quoted) {
                tokens.add(token.toString());
                token.setLength(0);
                continue;
            }
            if (c == '"' && !escaped) {
                quoted = !quoted;
            }
            escaped = c == '\\' && !escaped;
            token.append(c);
        }
        if (!token.toString().isBlank()) {
            tokens.add(token.toString());
        }
        for (String t : tokens) {
            if (t.isBlank()) {
                throw new IllegalArgumentException("bad matcher list \"" + text + "\": empty matcher between commas");
            }
        }
        return tokens;
    }

    /**
     * A value may be quoted; either way {@code \"}, {@code \\} and {@code \n} are escapes, any other backslash is
     * literal, and an unescaped quote may only close a quoted value.
     */
    private static String unescape(String matcher, String raw) {
        boolean quoted = raw.startsWith("\"");
        String body = quoted ? raw.substring(1) : raw;
        StringBuilder value = new StringBuilder();
        boolean closed = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i < body.length() - 1) {
                char next = body.charAt(++i);
                switch (next) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.append(next);
                    default -> value.append('\\').append(next);
                }
            } else if (c == '"') {
                if (!quoted || i < body.length() - 1) {
                    throw unescapedQuote(matcher);
                }
                closed = true;
            } else {
                value.append(c);
            }
        }
        if (quoted && !closed) {
            throw new IllegalArgumentException("bad matcher \"" + matcher + "\": the value's closing quote is missing");
        }
        return value.toString();
    }

    private static IllegalArgumentException unescapedQuote(String matcher) {
        return new IllegalArgumentException("bad matcher \"" + matcher
                + "\": unescaped double quote in the value (write \\\" for a quote inside a quoted value)");
    }
}
