package io.vigil.rule.template;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parse tree, shaped like Go's {@code text/template/parse} nodes so that error messages can quote a node the way
 * Go does ({@code at <humanize "one">}). {@code pos} is a char offset into the template text.
 */
sealed interface Node {

    int pos();

    /** Go's rendering of the node, used in error messages. */
    String text();

    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String text() {
            return nodes.stream().map(Node::text).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String content) implements Node {
        @Override
        public String text() {
            return content;
        }
    }

    record ActionNode(int pos, PipeNode pipe) implements Node {
        @Override
        public String text() {
            return "{{" + pipe.text() + "}}";
        }
    }

    enum BranchKind { IF, WITH, RANGE }

    /** {@code if}, {@code with} and {@code range}: a pipeline, a body and an optional else body. */
    record BranchNode(BranchKind kind, int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String text() {
            String name = kind.name().toLowerCase(Locale.ROOT);
            String elsePart = elseList == null ? "" : "{{else}}" + elseList.text();
            return "{{" + name + " " + pipe.text() + "}}" + list.text() + elsePart + "{{end}}";
        }
    }

    record BreakNode(int pos) implements Node {
        @Override
        public String text() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos) implements Node {
        @Override
        public String text() {
            return "{{continue}}";
        }
    }

    /** {@code {{template "name" pipeline}}}, and the call half of {@code {{block}}}. */
    record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
        @Override
        public String text() {
            return "{{template " + GoStrconv.quote(name) + (pipe == null ? "" : " " + pipe.text()) + "}}";
        }
    }

    /** Internal to the parser: the {@code {{end}}} and {@code {{else}}} that close a list. */
    record EndNode(int pos) implements Node {
        @Override
        public String text() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos) implements Node {
        @Override
        public String text() {
            return "{{else}}";
        }
    }

    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        @Override
        public String text() {
            StringBuilder out = new StringBuilder();
            if (!decl.isEmpty()) {
                out.append(decl.stream().map(VariableNode::text).collect(Collectors.joining(", ")));
                out.append(isAssign ? " = " : " := ");
            }
            return out.append(cmds.stream().map(CommandNode::text).collect(Collectors.joining(" | "))).toString();
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String text() {
            return args.stream().map(a -> a instanceof PipeNode p ? "(" + p.text() + ")" : a.text())
                    .collect(Collectors.joining(" "));
        }
    }

    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String text() {
            return name;
        }
    }

    /** {@code $x} or {@code $x.a.b}: the variable name is the first ident. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String text() {
            return String.join(".", ident);
        }
    }

    /** {@code .a.b}: field or map key lookups on dot. */
    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String text() {
            return ident.stream().map(i -> "." + i).collect(Collectors.joining());
        }
    }

    /** Field lookups on something other than dot or a variable, e.g. {@code (args 1).arg0}. */
    record ChainNode(int pos, Node node, List<String> field) implements Node {
        @Override
        public String text() {
            String base = node instanceof PipeNode p ? "(" + p.text() + ")" : node.text();
            return base + field.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String text() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String text() {
            return "nil";
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String text() {
            return value ? "true" : "false";
        }
    }

    /**
     * A number as written; {@code value} is what Go's idealConstant makes of it (a Long for int syntax, a Double for
     * float syntax), or null when an integer does not fit an int.
     */
    record NumberNode(int pos, String literal, Object value) implements Node {
        @Override
        public String text() {
            return literal;
        }
    }

    record StringNode(int pos, String quoted, String value) implements Node {
        @Override
        public String text() {
            return quoted;
        }
    }
}
