package io.vigil.rule.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.rule.template.GoValues.Marker;
import io.vigil.rule.template.Node.BoolNode;
import io.vigil.rule.template.Node.ChainNode;
import io.vigil.rule.template.Node.DotNode;
import io.vigil.rule.template.Node.FieldNode;
import io.vigil.rule.template.Node.IdentifierNode;
import io.vigil.rule.template.Node.NilNode;
import io.vigil.rule.template.Node.NumberNode;
import io.vigil.rule.template.Node.PipeNode;
import io.vigil.rule.template.Node.StringNode;
import io.vigil.rule.template.Node.VariableNode;
import io.vigil.rule.template.TemplateFunction.CallContext;
import io.vigil.rule.template.TemplateFunction.ParamType;

/**
 * Function calls as Go's exec.go makes them: argument count checks, evaluation of each argument against the
 * parameter's type, short-circuit {@code and}/{@code or}, and "error calling NAME: ..." for a failing function.
 */
abstract class CallEvaluator extends ExecState {

    static final Object MISSING = Marker.MISSING;

    private final Map<String, TemplateFunction> functions;
    final CallContext context;

    CallEvaluator(String text, String parseName, String templateName, StringBuilder out,
            Map<String, TemplateFunction> functions, CallContext context) {
        super(text, parseName, templateName, out);
        this.functions = functions;
        this.context = context;
    }

    final Map<String, TemplateFunction> functions() {
        return functions;
    }

    abstract Object evalPipeline(Object dot, PipeNode pipe);

    abstract Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin);

    abstract Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin);

    abstract Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin);

    final Object idealConstant(NumberNode n) {
        at(n);
        if (n.value() == NumberLiteral.OVERFLOW) {
            throw errorf(n.literal() + " overflows int");
        }
        return n.value();
    }

    final Object evalFunction(Object dot, IdentifierNode node, Node cmd, List<Node> args, Object fin) {
        at(node);
        TemplateFunction function = functions.get(node.name());
        if (function == null) {
            throw errorf(GoStrconv.quote(node.name()) + " is not a defined function");
        }
        return evalCall(dot, function, cmd, node.name(), args, fin);
    }

    private Object evalCall(Object dot, TemplateFunction fn, Node node, String name, List<Node> args, Object fin) {
        List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
        int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
        int numFixed = argNodes.size();
        if (fn.variadic() != null) {
            numFixed = fn.params().size();
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + numFixed + " got "
                        + argNodes.size());
            }
        } else if (numIn != fn.params().size()) {
            throw errorf("wrong number of args for " + name + ": want " + fn.params().size() + " got " + numIn);
        }
        if (name.equals("and") || name.equals("or")) {
            // Short-circuit: stop at the first false (and) or true (or) argument, as Go does since 1.18.
            Object v = null;
            for (Node arg : argNodes) {
                v = evalArg(dot, ParamType.VALUE, arg);
                if (GoValues.truth(v) == name.equals("or")) {
                    return v;
                }
            }
            return fin != MISSING ? validateType(fin, ParamType.VALUE) : v;
        }
        List<Object> argv = new ArrayList<>(numIn);
        int i = 0;
        for (; i < numFixed && i < argNodes.size(); i++) {
            argv.add(evalArg(dot, fn.params().get(i), argNodes.get(i)));
        }
        for (; fn.variadic() != null && i < argNodes.size(); i++) {
            argv.add(evalArg(dot, fn.variadic(), argNodes.get(i)));
        }
        if (fin != MISSING) {
            ParamType type = fn.variadic() == null ? fn.params().getLast()
                    : numIn - 1 < numFixed ? fn.params().get(numIn - 1) : fn.variadic();
            argv.add(validateType(fin, type));
        }
        try {
            return fn.body().call(argv, context);
        } catch (FuncException e) {
            at(node);
            throw errorf("error calling " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Go recovers a panicking function into an error; a bug here must not break alert evaluation either.
            at(node);
            throw errorf("error calling " + name + ": " + e);
        }
    }

    /** Go's validateType for the parameter types the template functions use. */
    private Object validateType(Object value, ParamType type) {
        if (value == null) {
            if (type == null || type != ParamType.STRING) {
                return null;
            }
            throw errorf("invalid value; expected " + type.goName());
        }
        if (type != ParamType.STRING) {
            return GoValues.unwrap(value);
        }
        if (value instanceof String) {
            return value;
        }
        throw errorf("wrong type for value; expected string; got " + GoValues.typeName(value));
    }

    final Object evalArg(Object dot, ParamType type, Node n) {
        at(n);
        return switch (n) {
            case DotNode d -> validateType(dot, type);
            case NilNode nil -> {
                if (type == ParamType.STRING) {
                    throw errorf("cannot assign nil to string");
                }
                yield null;
            }
            case FieldNode f -> validateType(evalFieldNode(dot, f, List.of(n), MISSING), type);
            case VariableNode v -> validateType(evalVariableNode(dot, v, null, MISSING), type);
            case PipeNode p -> validateType(evalPipeline(dot, p), type);
            case IdentifierNode id -> validateType(evalFunction(dot, id, id, null, MISSING), type);
            case ChainNode c -> validateType(evalChainNode(dot, c, null, MISSING), type);
            case StringNode s -> s.value();
            default -> {
                if (type == ParamType.STRING) {
                    throw errorf("expected string; found " + n.text());
                }
                yield switch (n) {
                    case BoolNode b -> b.value();
                    case NumberNode num -> idealConstant(num);
                    default -> throw errorf("can't handle assignment of " + n.text() + " to empty interface argument");
                };
            }
        };
    }
}
