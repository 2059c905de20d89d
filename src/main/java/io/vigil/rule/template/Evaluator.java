package io.vigil.rule.template;

import java.util.List;
import java.util.Map;

import io.vigil.rule.template.GoValues.GoMap;
import io.vigil.rule.template.GoValues.GoStruct;
import io.vigil.rule.template.GoValues.Marker;
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
import io.vigil.rule.template.TemplateFunction.CallContext;

/**
 * Evaluation of pipelines, commands, variables and field chains, following Go's exec.go step by step so that the
 * node an error is reported at (set with {@link #at}) is the one Go would name.
 */
abstract class Evaluator extends CallEvaluator {

    Evaluator(String text, String parseName, String templateName, StringBuilder out,
            Map<String, TemplateFunction> functions, CallContext context) {
        super(text, parseName, templateName, out, functions, context);
    }

    /** Evaluates a pipeline; declared variables are pushed (or assigned) and stay until the caller pops them. */
    @Override
    final Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            // A nil interface{} becomes no value once a command has produced it.
            value = GoValues.unwrap(evalCommand(dot, cmd, value));
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(variable.ident().getFirst(), value);
            } else {
                push(variable.ident().getFirst(), value);
            }
        }
        return value;
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().getFirst();
        return switch (first) {
            case FieldNode f -> evalFieldNode(dot, f, cmd.args(), fin);
            case ChainNode c -> evalChainNode(dot, c, cmd.args(), fin);
            case IdentifierNode id -> evalFunction(dot, id, cmd, cmd.args(), fin);
            case PipeNode p -> {
                notAFunction(cmd.args(), fin);
                yield evalPipeline(dot, p);
            }
            case VariableNode v -> evalVariableNode(dot, v, cmd.args(), fin);
            default -> {
                at(first);
                notAFunction(cmd.args(), fin);
                yield literal(dot, first);
            }
        };
    }

    private Object literal(Object dot, Node n) {
        return switch (n) {
            case BoolNode b -> b.value();
            case DotNode d -> dot;
            case NilNode nil -> throw errorf("nil is not a command");
            case NumberNode num -> idealConstant(num);
            case StringNode s -> s.value();
            default -> throw errorf("can't evaluate command " + GoStrconv.quote(n.text()));
        };
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args != null && args.size() > 1 || fin != MISSING) {
            throw errorf("can't give argument to non-function " + (args == null ? "" : args.getFirst().text()));
        }
    }

    @Override
    final Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
        at(field);
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    @Override
    final Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        at(chain);
        if (chain.node() instanceof NilNode) {
            throw errorf("indirection through explicit nil in " + chain.text());
        }
        Object receiver = evalArg(dot, null, chain.node());
        return evalFieldChain(dot, receiver, chain, chain.field(), args, fin);
    }

    @Override
    final Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
        at(variable);
        Object value = varValue(variable.ident().getFirst());
        if (variable.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        List<String> fields = variable.ident().subList(1, variable.ident().size());
        return evalFieldChain(dot, value, variable, fields, args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node node, List<String> ident, List<Node> args,
            Object fin) {
        int n = ident.size();
        for (int i = 0; i < n - 1; i++) {
            receiver = evalField(ident.get(i), null, MISSING, receiver);
        }
        return evalField(ident.get(n - 1), args, fin, receiver);
    }

    /** {@code .Name} on a struct or map; with missingkey=zero a missing map key is the element type's zero. */
    private Object evalField(String fieldName, List<Node> args, Object fin, Object receiver) {
        if (receiver == null) {
            return null;
        }
        if (receiver == Marker.NIL_INTERFACE) {
            throw errorf("nil pointer evaluating interface {}." + fieldName);
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != MISSING;
        if (receiver instanceof GoStruct s && s.fields().containsKey(fieldName)) {
            if (hasArgs) {
                throw errorf(fieldName + " has arguments but cannot be invoked as function");
            }
            return s.fields().get(fieldName);
        }
        if (receiver instanceof GoMap m) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            Object value = m.entries().get(fieldName);
            if (value != null) {
                return value;
            }
            return m.stringValued() ? "" : Marker.NIL_INTERFACE;
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + GoValues.typeName(receiver));
    }

}
