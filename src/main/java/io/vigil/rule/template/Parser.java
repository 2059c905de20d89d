package io.vigil.rule.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.vigil.rule.template.Node.ActionNode;
import io.vigil.rule.template.Node.BranchKind;
import io.vigil.rule.template.Node.BranchNode;
import io.vigil.rule.template.Node.BreakNode;
import io.vigil.rule.template.Node.ContinueNode;
import io.vigil.rule.template.Node.ElseNode;
import io.vigil.rule.template.Node.EndNode;
import io.vigil.rule.template.Node.ListNode;
import io.vigil.rule.template.Node.PipeNode;
import io.vigil.rule.template.Node.TemplateNode;
import io.vigil.rule.template.Node.TextNode;
import io.vigil.rule.template.Token.Type;

/** Go's template parser: text, actions, control structures and template definitions, with Go's messages. */
final class Parser extends PipelineParser {

    /** A parsed template: the main tree and those made by {@code define} and {@code block}. */
    record Parsed(ListNode root, Map<String, ListNode> defined) {
    }

    /** A list and the {@code end} or {@code else} node that closed it. */
    private record Closed(ListNode list, Node end) {
    }

    private final Map<String, ListNode> trees = new HashMap<>();
    private int rangeDepth;

    private Parser(List<Token> tokens, String name, Predicate<String> hasFunction) {
        super(tokens, name, hasFunction);
    }

    static Parsed parse(String name, String text, Predicate<String> hasFunction) {
        Parser parser = new Parser(Lexer.lex(text), name, hasFunction);
        ListNode root = parser.parseTop();
        parser.add(name, root);
        return new Parsed(parser.trees.get(name), Map.copyOf(parser.trees));
    }

    private ListNode parseTop() {
        List<Node> nodes = new ArrayList<>();
        int pos = peek().pos();
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                int delim = index;
                next();
                if (nextNonSpace().type() == Type.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = delim;
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw errorf("unexpected " + n.text());
            }
            nodes.add(n);
        }
        return new ListNode(pos, List.copyOf(nodes));
    }

    private void parseDefinition() {
        String context = "define clause";
        Token token = nextNonSpace();
        if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
            throw unexpected(token, context);
        }
        String name = unquote(token);
        expect(Type.RIGHT_DELIM, context);
        List<String> outer = vars;
        vars = new ArrayList<>(List.of("$"));
        Closed body = itemList();
        vars = outer;
        if (!(body.end() instanceof EndNode)) {
            throw errorf("unexpected " + body.end().text() + " in " + context);
        }
        add(name, body.list());
    }

    private void add(String name, ListNode root) {
        ListNode existing = trees.get(name);
        if (existing == null || isEmpty(existing)) {
            trees.put(name, root);
        } else if (!isEmpty(root)) {
            throw errorf("template: multiple definition of template " + GoStrconv.quote(name));
        }
    }

    private static boolean isEmpty(Node n) {
        return switch (n) {
            case ListNode list -> list.nodes().stream().allMatch(Parser::isEmpty);
            case TextNode text -> text.content().isBlank();
            default -> false;
        };
    }

    private Closed itemList() {
        List<Node> nodes = new ArrayList<>();
        int pos = peekNonSpace().pos();
        while (peekNonSpace().type() != Type.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Closed(new ListNode(pos, List.copyOf(nodes)), n);
            }
            nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Token token = nextNonSpace();
        return switch (token.type()) {
            case TEXT -> new TextNode(token.pos(), token.val());
            case LEFT_DELIM -> {
                actionLine = token.line();
                try {
                    yield action();
                } finally {
                    actionLine = 0;
                }
            }
            default -> throw unexpected(token, "input");
        };
    }

    private Node action() {
        Token token = nextNonSpace();
        switch (token.type()) {
            case BLOCK -> {
                return blockControl();
            }
            case BREAK, CONTINUE -> {
                return loopControl(token);
            }
            case ELSE -> {
                return elseControl();
            }
            case END -> {
                return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
            }
            case IF -> {
                return control(BranchKind.IF);
            }
            case RANGE -> {
                return control(BranchKind.RANGE);
            }
            case TEMPLATE -> {
                return templateControl();
            }
            case WITH -> {
                return control(BranchKind.WITH);
            }
            default -> {
                backup();
                // Variables declared here persist to the end of the enclosing control structure.
                return new ActionNode(peek().pos(), pipeline("command", Type.RIGHT_DELIM));
            }
        }
    }

    private Node loopControl(Token keyword) {
        String name = "{{" + keyword.val() + "}}";
        Token token = nextNonSpace();
        if (token.type() != Type.RIGHT_DELIM) {
            throw unexpected(token, name);
        }
        if (rangeDepth == 0) {
            throw errorf(name + " outside {{range}}");
        }
        return keyword.type() == Type.BREAK ? new BreakNode(keyword.pos()) : new ContinueNode(keyword.pos());
    }

    private Node elseControl() {
        Token peek = peekNonSpace();
        // "else if" and "else with" leave the keyword for the enclosing control to chain on.
        if (peek.type() == Type.IF || peek.type() == Type.WITH) {
            return new ElseNode(peek.pos());
        }
        return new ElseNode(expect(Type.RIGHT_DELIM, "else").pos());
    }

    private BranchNode control(BranchKind kind) {
        String context = kind.name().toLowerCase(Locale.ROOT);
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
            rangeDepth += kind == BranchKind.RANGE ? 1 : 0;
            Closed body = itemList();
            rangeDepth -= kind == BranchKind.RANGE ? 1 : 0;
            ListNode elseList = null;
            if (body.end() instanceof ElseNode elseNode) {
                Type chained = kind == BranchKind.IF ? Type.IF : kind == BranchKind.WITH ? Type.WITH : null;
                if (chained != null && peek().type() == chained) {
                    next();
                    elseList = new ListNode(elseNode.pos(), List.of(control(kind)));
                } else {
                    Closed elseBody = itemList();
                    if (!(elseBody.end() instanceof EndNode)) {
                        throw errorf("expected end; found " + elseBody.end().text());
                    }
                    elseList = elseBody.list();
                }
            }
            return new BranchNode(kind, pipe.pos(), pipe, body.list(), elseList);
        } finally {
            vars.subList(mark, vars.size()).clear();
        }
    }

    private Node templateControl() {
        String context = "template clause";
        Token token = nextNonSpace();
        String name = templateName(token, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != Type.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Type.RIGHT_DELIM);
        }
        return new TemplateNode(token.pos(), name, pipe);
    }

    private Node blockControl() {
        String context = "block clause";
        Token token = nextNonSpace();
        String name = templateName(token, context);
        PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
        // The block body is a template of its own: fresh variables, and not inside any range.
        List<String> outer = vars;
        int outerRangeDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Closed body = itemList();
        vars = outer;
        rangeDepth = outerRangeDepth;
        if (!(body.end() instanceof EndNode)) {
            throw errorf("unexpected " + body.end().text() + " in " + context);
        }
        add(name, body.list());
        return new TemplateNode(token.pos(), name, pipe);
    }

    private String templateName(Token token, String context) {
        if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
            throw unexpected(token, context);
        }
        return unquote(token);
    }

}
