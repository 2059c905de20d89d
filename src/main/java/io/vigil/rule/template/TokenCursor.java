package io.vigil.rule.template;

import java.util.List;

import io.vigil.rule.template.Token.Type;

/** Look-ahead over the lexed items, and Go's parse error wording. */
class TokenCursor {

    private final List<Token> tokens;
    /** The name errors report, as Go's Tree.ParseName. */
    protected final String parseName;
    protected int index;
    /** Go reports the line of the furthest item it has lexed, which may be past the one being complained about. */
    private int furthest;
    /** Line of the left delimiter of the action being parsed, 0 outside actions. */
    protected int actionLine;

    TokenCursor(List<Token> tokens, String parseName) {
        this.tokens = tokens;
        this.parseName = parseName;
    }

    private Token at(int i) {
        int clamped = Math.min(i, tokens.size() - 1);
        furthest = Math.max(furthest, clamped);
        return tokens.get(clamped);
    }

    final Token next() {
        return at(index++);
    }

    final Token peek() {
        return at(index);
    }

    final void backup() {
        index--;
    }

    final Token nextNonSpace() {
        Token token;
        do {
            token = next();
        } while (token.type() == Type.SPACE);
        return token;
    }

    /** Like Go, this consumes the spaces and leaves the cursor on the item it returns. */
    final Token peekNonSpace() {
        Token token = nextNonSpace();
        backup();
        return token;
    }

    final Token expect(Type expected, String context) {
        Token token = nextNonSpace();
        if (token.type() != expected) {
            unexpected(token, context);
        }
        return token;
    }

    final TemplateException errorf(String message) {
        throw new TemplateException(TemplateException.Phase.PARSE,
                "template: " + parseName + ":" + tokens.get(furthest).line() + ": " + message);
    }

    final TemplateException unexpected(Token token, String context) {
        if (token.type() == Type.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != token.line()) {
                extra = " in action started at " + parseName + ":" + actionLine;
                if (token.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            throw errorf(token + extra);
        }
        throw errorf("unexpected " + token + " in " + context);
    }
}
