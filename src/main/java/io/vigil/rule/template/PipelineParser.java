package io.vigil.rule.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import io.vigil.rule.template.Node.BoolNode;
import io.vigil.rule.template.Node.ChainNode;
import io.vigil.rule.template.Node.CommandNode;
import io.vigil.rule.template.Node.DotNode;
import io.vigil.rule.template.Node.FieldNode;
import io.vigil.rule.template.Node.IdentifierNode;
import io.vigil.rule.template.Node.NilNode;
import io.vigil.rule.template.Node.NumberNode;
import io.vigil.rule.template.Node.PipeNode;
import io.vigil.rule.template.Node.StringNode;
import io.vigil.rule.template.Node.VariableNode;
import io.vigil.rule.template.Token.Type;

/** The expression half of Go's template parser: pipelines, commands, operands and literals. */
abstract class PipelineParser extends TokenCursor {

    /** Go allows 10000 nested parentheses; Java's stack is the tighter limit here. */
    private static final int MAX_DEPTH = 1000;

    private final Predicate<String> hasFunction;
    /** Variables in scope, innermost last; "$" is always defined. */
    List<String> vars = new ArrayList<>(List.of("$"));
    private int depth;

    PipelineParser(List<Token> tokens, String parseName, Predicate<String> hasFunction) {
        super(tokens, parseName);
        this.hasFunction = hasFunction;
    }

    final String unquote(Token token) {
        String value = GoUnquote.unquote(token.val());
        if (value == null) {
            throw errorf("invalid syntax");
        }
        return value;
    }

    final PipeNode pipeline(String context, Type end) {
        int pos = peekNonSpace().pos();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        while (peekNonSpace().type() == Type.VARIABLE) {
            int variableIndex = index;
            Token v = next();
            Token following = peekNonSpace();
            if (following.type() == Type.ASSIGN || following.type() == Type.DECLARE) {
                isAssign = following.type() == Type.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                break;
            }
            if (following.type() == Type.CHAR && following.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Type after = peekNonSpace().type();
                    if (after == Type.VARIABLE || after == Type.RIGHT_DELIM || after == Type.RIGHT_PAREN) {
                        continue;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            }
            index = variableIndex;
            break;
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token token = nextNonSpace();
            if (token.type() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(pos, isAssign, List.copyOf(decl), List.copyOf(cmds));
            }
            switch (token.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                     LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(token, context);
            }
        }
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().getFirst();
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token token = next();
            if (token.type() == Type.SPACE) {
                continue;
            }
            if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
                backup();
            } else if (token.type() != Type.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw errorf("empty command");
        }
        return new CommandNode(pos, List.copyOf(args));
    }

    private Node operand() {
        Node node = term();
        if (node == null || peek().type() != Type.FIELD) {
            return node;
        }
        int pos = peek().pos();
        List<String> fields = new ArrayList<>();
        while (peek().type() == Type.FIELD) {
            fields.add(next().val().substring(1));
        }
        return switch (node) {
            case FieldNode f -> new FieldNode(pos, concat(f.ident(), fields));
            case VariableNode v -> new VariableNode(pos, concat(v.ident(), fields));
            case BoolNode b -> throw errorf("unexpected . after term " + GoStrconv.quote(node.text()));
            case StringNode s -> throw errorf("unexpected . after term " + GoStrconv.quote(node.text()));
            case NumberNode n -> throw errorf("unexpected . after term " + GoStrconv.quote(node.text()));
            case NilNode n -> throw errorf("unexpected . after term " + GoStrconv.quote(node.text()));
            case DotNode d -> throw errorf("unexpected . after term " + GoStrconv.quote(node.text()));
            default -> new ChainNode(pos, node, List.copyOf(fields));
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private Node term() {
        Token token = nextNonSpace();
        return switch (token.type()) {
            case IDENTIFIER -> {
                if (!hasFunction.test(token.val())) {
                    throw errorf("function " + GoStrconv.quote(token.val()) + " not defined");
                }
                yield new IdentifierNode(token.pos(), token.val());
            }
            case DOT -> new DotNode(token.pos());
            case NIL -> new NilNode(token.pos());
            case VARIABLE -> {
                if (!vars.contains(token.val())) {
                    throw errorf("undefined variable " + GoStrconv.quote(token.val()));
                }
                yield new VariableNode(token.pos(), List.of(token.val()));
            }
            case FIELD -> new FieldNode(token.pos(), List.copyOf(Arrays.asList(token.val().substring(1).split("\\."))));
            case BOOL -> new BoolNode(token.pos(), token.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER -> number(token);
            case LEFT_PAREN -> {
                if (depth >= MAX_DEPTH) {
                    throw errorf("max expression depth exceeded");
                }
                depth++;
                try {
                    yield pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
                } finally {
                    depth--;
                }
            }
            case STRING, RAW_STRING -> new StringNode(token.pos(), token.val(), unquote(token));
            default -> {
                backup();
                yield null;
            }
        };
    }

    private NumberNode number(Token token) {
        try {
            return new NumberNode(token.pos(), token.val(),
                    NumberLiteral.parse(token.val(), token.type() == Type.CHAR_CONSTANT));
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }
}
