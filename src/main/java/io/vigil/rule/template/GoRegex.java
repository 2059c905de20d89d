package io.vigil.rule.template;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go (RE2) regular expressions on java.util.regex, for {@code match} and {@code reReplaceAll}. Patterns are rewritten
 * where the two dialects disagree on common syntax: {@code (?P<name>)} groups, POSIX classes, a literal '{', and
 * {@code $} meaning end of text. Replacement strings follow Go's Expand rules ({@code $1x} is group "1x", unknown
 * groups expand to nothing), not Java's.
 *
 * <p>Java's engine backtracks where RE2 does not, so a pathological pattern can be slow; patterns come from rule
 * authors, not from alert data.
 */
final class GoRegex {

    private static final int CACHE_LIMIT = 512;
    private static final Map<String, GoRegex> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"), Map.entry("word", "\\w"),
            Map.entry("xdigit", "\\p{XDigit}"));

    private final Pattern pattern;
    private final Map<String, Integer> groupNames;

    private GoRegex(Pattern pattern, Map<String, Integer> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /** Compiles a Go pattern; the message of the exception is Go's "error parsing regexp: ..." text. */
    static GoRegex compile(String expr) throws FuncException {
        GoRegex cached = CACHE.get(expr);
        if (cached != null) {
            return cached;
        }
        Map<String, Integer> names = new HashMap<>();
        GoRegex regex;
        try {
            // UNIX_LINES: only \n ends a line, as in RE2.
            regex = new GoRegex(Pattern.compile(translate(expr, names), Pattern.UNIX_LINES), Map.copyOf(names));
        } catch (PatternSyntaxException e) {
            throw new FuncException("error parsing regexp: " + describe(e) + ": `" + expr + "`");
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(expr, regex);
        return regex;
    }

    private static String describe(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return "missing closing )";
        }
        if (d.startsWith("Unmatched closing")) {
            return "unexpected )";
        }
        if (d.startsWith("Unclosed character class")) {
            return "missing closing ]";
        }
        return d.isEmpty() ? d : Character.toLowerCase(d.charAt(0)) + d.substring(1);
    }

    private static String translate(String expr, Map<String, Integer> names) {
        boolean multiline = expr.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z-]*[:)].*");
        StringBuilder out = new StringBuilder(expr.length() + 8);
        int groups = 0;
        boolean inClass = false;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\\' && i + 1 < expr.length()) {
                out.append(c).append(expr.charAt(++i));
            } else if (inClass) {
                int close = expr.indexOf(":]", i);
                if (c == '[' && i + 1 < expr.length() && expr.charAt(i + 1) == ':' && close > 0) {
                    String name = expr.substring(i + 2, close);
                    boolean negated = name.startsWith("^");
                    String java = POSIX.get(negated ? name.substring(1) : name);
                    String negatedJava = java == null ? null : java.replace("\\p", "\\P").replace("\\w", "\\W");
                    out.append(java == null ? "\\[" : negated ? negatedJava : java);
                    i = java == null ? i : close + 1;
                } else if (c == ']') {
                    inClass = classStart(expr, i);
                    out.append(inClass ? "\\]" : "]");
                } else {
                    out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c == '(') {
                if (expr.startsWith("(?P<", i) || expr.startsWith("(?<", i) && !expr.startsWith("(?<=", i)
                        && !expr.startsWith("(?<!", i)) {
                    int close = expr.indexOf('>', i);
                    names.put(expr.substring(expr.indexOf('<', i) + 1, close), ++groups);
                    out.append('(');
                    i = close;
                } else {
                    groups += expr.startsWith("(?", i) ? 0 : 1;
                    out.append(c);
                }
            } else if (c == '{' && !expr.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                out.append("\\{");
            } else if (c == '$' && !multiline) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A ']' right after '[' or '[^' is a literal member of the class. */
    private static boolean classStart(String expr, int i) {
        return expr.charAt(i - 1) == '[' && (i < 2 || expr.charAt(i - 2) != '\\')
                || i >= 2 && expr.charAt(i - 1) == '^' && expr.charAt(i - 2) == '[';
    }

    /** Go's MatchString: whether the pattern matches anywhere in {@code s}. */
    boolean matches(String s) {
        return pattern.matcher(s).find();
    }

    /** Go's ReplaceAllString, including its rule that an empty match right after a match is not replaced. */
    String replaceAll(String src, String template) {
        StringBuilder out = new StringBuilder(src.length());
        Matcher m = pattern.matcher(src);
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length() && m.find(searchPos)) {
            out.append(src, lastMatchEnd, m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
                expand(out, template, m, src);
            }
            lastMatchEnd = m.end();
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 1;
            searchPos = searchPos + width > m.end() ? searchPos + width : Math.max(searchPos + 1, m.end());
        }
        return out.append(src, lastMatchEnd, src.length()).toString();
    }

    private void expand(StringBuilder out, String template, Matcher m, String src) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int[] ref = reference(template, i);
            if (ref == null) {
                out.append('$');
                continue;
            }
            String name = template.substring(ref[0], ref[1]);
            Integer group = ref[3] >= 0 ? Integer.valueOf(ref[3]) : groupNames.get(name);
            if (group != null && group <= m.groupCount() && m.start(group) >= 0) {
                out.append(src, m.start(group), m.end(group));
            }
            i = ref[2];
        }
        out.append(template, i, template.length());
    }

    /** Go's extract: {name start, name end, rest start, group number or -1}, or null when malformed. */
    private static int[] reference(String t, int i) {
        boolean brace = i < t.length() && t.charAt(i) == '{';
        int start = brace ? i + 1 : i;
        int end = start;
        while (end < t.length()) {
            int r = t.codePointAt(end);
            if (!Character.isLetterOrDigit(r) && r != '_') {
                break;
            }
            end += Character.charCount(r);
        }
        if (end == start || brace && (end >= t.length() || t.charAt(end) != '}')) {
            return null;
        }
        String name = t.substring(start, end);
        int num = name.matches("[0-9]{1,9}") && !(name.length() > 1 && name.charAt(0) == '0')
                ? Integer.parseInt(name) : -1;
        return new int[] {start, end, brace ? end + 1 : end, num};
    }
}
