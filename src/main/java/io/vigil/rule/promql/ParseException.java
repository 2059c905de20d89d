package io.vigil.rule.promql;

/**
 * A PromQL expression that Prometheus would reject, told as Prometheus tells it:
 * {@code 1:14: parse error: unexpected "}" in label matching, expected string}. Line and column are
 * 1-based and count characters, so they point a rule author at the offending spot.
 */
public final class ParseException extends RuntimeException {

    private final int position;
    private final int endPosition;
    private final int line;
    private final int column;
    private final String detail;

    private ParseException(int position, int endPosition, int line, int column, String detail) {
        // A mistake in a rule, not a bug: the message says everything, a stack trace would bury it.
        super(line + ":" + column + ": parse error: " + detail, null, false, false);
        this.position = position;
        this.endPosition = endPosition;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** An error about the text between {@code start} and {@code end} (char offsets) of the input. */
    static ParseException at(String input, int start, int end, String detail) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start && i < input.length(); i++) {
            if (input.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = input.codePointCount(lineStart, Math.min(start, input.length())) + 1;
        return new ParseException(start, Math.max(start, end), line, column, detail);
    }

    /** The 0-based char offset in the input where the problem starts. */
    public int position() {
        return position;
    }

    /** The 0-based char offset just past the problem; equal to {@link #position()} for a point. */
    public int endPosition() {
        return endPosition;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position, e.g. {@code unknown function with name "foo"}. */
    public String detail() {
        return detail;
    }
}
