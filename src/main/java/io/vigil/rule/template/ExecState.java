package io.vigil.rule.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one execution carries besides the tree: the output, the variable stack, and the node being evaluated, which
 * Go's error messages quote with its position ({@code template: NAME:1:57: executing "NAME" at <.Foo>: ...}).
 */
abstract class ExecState {

    /** The whole template text; node positions index into it. */
    private final String text;
    /** The top-level template name, which Go uses for positions even inside {@code define}d templates. */
    private final String parseName;
    /** The template running now, named in "executing ..." messages. */
    final String templateName;
    final StringBuilder out;
    private final List<String> varNames = new ArrayList<>();
    private final List<Object> varValues = new ArrayList<>();
    private Node node;

    ExecState(String text, String parseName, String templateName, StringBuilder out) {
        this.text = text;
        this.parseName = parseName;
        this.templateName = templateName;
        this.out = out;
    }

    final String text() {
        return text;
    }

    final String parseName() {
        return parseName;
    }

    /** Marks the node that errors from here on are about. */
    final void at(Node n) {
        node = n;
    }

    final TemplateException errorf(String message) {
        String quotedName = GoStrconv.quote(templateName);
        if (node == null) {
            throw new TemplateException(TemplateException.Phase.EXECUTE,
                    "template: " + templateName + ": " + message);
        }
        throw new TemplateException(TemplateException.Phase.EXECUTE, "template: " + location(node)
                + ": executing " + quotedName + " at <" + node.text() + ">: " + message);
    }

    /** NAME:LINE:COLUMN, the column counted in bytes from the start of the line, from 0, as Go does. */
    private String location(Node n) {
        String before = text.substring(0, Math.min(n.pos(), text.length()));
        int newline = before.lastIndexOf('\n');
        int column = before.substring(newline + 1).getBytes(StandardCharsets.UTF_8).length;
        long line = 1 + before.chars().filter(c -> c == '\n').count();
        return parseName + ":" + line + ":" + column;
    }

    final void push(String name, Object value) {
        varNames.add(name);
        varValues.add(value);
    }

    final int mark() {
        return varNames.size();
    }

    final void pop(int mark) {
        varNames.subList(mark, varNames.size()).clear();
        varValues.subList(mark, varValues.size()).clear();
    }

    /** Overwrites the innermost variable of that name ({@code $x = value}). */
    final void setVar(String name, Object value) {
        int i = varNames.lastIndexOf(name);
        if (i < 0) {
            throw errorf("undefined variable: " + name);
        }
        varValues.set(i, value);
    }

    /** Overwrites the n-th variable from the top, as range does on each iteration. */
    final void setTopVar(int n, Object value) {
        varValues.set(varValues.size() - n, value);
    }

    final Object varValue(String name) {
        int i = varNames.lastIndexOf(name);
        if (i < 0) {
            throw errorf("undefined variable: " + name);
        }
        return varValues.get(i);
    }
}
