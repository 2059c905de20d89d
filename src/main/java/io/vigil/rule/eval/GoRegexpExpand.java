package io.vigil.rule.eval;

import java.util.regex.Matcher;

/**
 * Go's Regexp.Expand, which label_replace uses: {@code $1}, {@code ${1}}, {@code $name},
 * {@code ${name}} and {@code $$}. As in Go, {@code $1x} means the group named "1x", and a group
 * that does not exist expands to nothing.
 */
final class GoRegexpExpand {

    private GoRegexpExpand() {
    }

    static String expand(String template, Matcher match) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0 || !isName(template.substring(i + 2, close))) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < template.length() && isNameChar(template.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 1, end);
            }
            out.append(group(match, name));
            i = end;
        }
        return out.toString();
    }

    private static String group(Matcher match, String name) {
        try {
            String value = name.chars().allMatch(Character::isDigit)
                    ? (Integer.parseInt(name) <= match.groupCount() ? match.group(Integer.parseInt(name)) : "")
                    : match.group(name);
            return value == null ? "" : value;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "";
        }
    }

    private static boolean isName(String text) {
        return !text.isEmpty() && text.chars().allMatch(ch -> isNameChar((char) ch));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
