package io.vigil.rule.template;

import java.util.List;
import java.util.Map;

import io.vigil.rule.template.GoValues.GoMap;
import io.vigil.rule.template.GoValues.GoSlice;
import io.vigil.rule.template.Node.ActionNode;
import io.vigil.rule.template.Node.BranchKind;
import io.vigil.rule.template.Node.BranchNode;
import io.vigil.rule.template.Node.BreakNode;
import io.vigil.rule.template.Node.ContinueNode;
import io.vigil.rule.template.Node.ListNode;
import io.vigil.rule.template.Node.TemplateNode;
import io.vigil.rule.template.Node.TextNode;
import io.vigil.rule.template.Node.VariableNode;
import io.vigil.rule.template.TemplateFunction.CallContext;

/** Walks a parsed template over its data, writing the output: Go's exec.go walk functions. */
final class Executor extends Evaluator {

    /** Go allows 100000 nested template calls; Java's stack allows fewer. */
    private static final int MAX_DEPTH = 1000;

    /** Unwinds to the enclosing range; stackless because loops use it routinely. */
    private static final class LoopSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoopSignal() {
            super(null, null, false, false);
        }
    }

    private static final LoopSignal BREAK = new LoopSignal();
    private static final LoopSignal CONTINUE = new LoopSignal();

    private final Map<String, ListNode> trees;
    private final int depth;

    private Executor(String text, String parseName, String templateName, StringBuilder out,
            Map<String, TemplateFunction> functions, CallContext context, Map<String, ListNode> trees, int depth) {
        super(text, parseName, templateName, out, functions, context);
        this.trees = trees;
        this.depth = depth;
    }

    /** Runs the named tree with {@code data} as dot and as {@code $}; throws TemplateException on failure. */
    static String execute(String text, String name, Parser.Parsed parsed, Map<String, TemplateFunction> functions,
            CallContext context, Object data) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        Executor executor = new Executor(text, name, name, out, functions, context, parsed.defined(), 0);
        executor.push("$", data);
        executor.walk(data, parsed.root());
        return out.toString();
    }

    private void walk(Object dot, Node node) {
        at(node);
        switch (node) {
            case ActionNode action -> {
                Object value = evalPipeline(dot, action.pipe());
                // An action that declares variables prints nothing.
                if (action.pipe().decl().isEmpty()) {
                    printValue(action, value);
                }
            }
            case BreakNode b -> throw BREAK;
            case ContinueNode c -> throw CONTINUE;
            case BranchNode branch when branch.kind() == BranchKind.RANGE -> walkRange(dot, branch);
            case BranchNode branch -> walkIfOrWith(dot, branch);
            case ListNode list -> {
                for (Node n : list.nodes()) {
                    walk(dot, n);
                }
            }
            case TemplateNode t -> walkTemplate(dot, t);
            case TextNode text -> out.append(text.content());
            default -> throw errorf("unknown node: " + node.text());
        }
    }

    private void walkIfOrWith(Object dot, BranchNode branch) {
        int mark = mark();
        try {
            Object value = evalPipeline(dot, branch.pipe());
            if (GoValues.truth(value)) {
                walk(branch.kind() == BranchKind.WITH ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        at(r);
        int outer = mark();
        try {
            Object value = evalPipeline(dot, r.pipe());
            int mark = mark();
            boolean iterated = switch (value) {
                case GoSlice s -> {
                    for (int i = 0; i < s.elements().size(); i++) {
                        oneIteration(r, mark, (long) i, s.elements().get(i));
                    }
                    yield !s.elements().isEmpty();
                }
                case GoMap m -> {
                    for (Map.Entry<String, Object> e : m.entries().entrySet()) {
                        oneIteration(r, mark, e.getKey(), e.getValue());
                    }
                    yield !m.entries().isEmpty();
                }
                case null -> false;
                default -> throw errorf("range can't iterate over " + GoFmt.print(value));
            };
            if (!iterated && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } catch (LoopSignal signal) {
            if (signal != BREAK) {
                throw signal;
            }
        } finally {
            pop(outer);
        }
    }

    private void oneIteration(BranchNode r, int mark, Object index, Object element) {
        List<VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                // With two variables the index comes first; with one, it gets the element.
                setVar(decl.getFirst().ident().getFirst(), decl.size() > 1 ? index : element);
            } else {
                setTopVar(1, element);
            }
        }
        if (decl.size() > 1) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(1).ident().getFirst(), element);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(element, r.list());
        } catch (LoopSignal signal) {
            if (signal != CONTINUE) {
                throw signal;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        at(t);
        ListNode tree = trees.get(t.name());
        if (tree == null) {
            throw errorf("template " + GoStrconv.quote(t.name()) + " not defined");
        }
        if (depth == MAX_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, t.pipe());
        // No dynamic scoping: the called template sees only $, set to its dot.
        Executor called = new Executor(text(), parseName(), t.name(), out, functions(), context, trees, depth + 1);
        called.push("$", newDot);
        called.walk(newDot, tree);
    }

    private void printValue(Node node, Object value) {
        at(node);
        out.append(value == null ? "<no value>" : GoFmt.print(value));
    }
}
