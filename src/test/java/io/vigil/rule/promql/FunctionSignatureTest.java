package io.vigil.rule.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each function's signature is Prometheus's, and calls are checked against it. */
class FunctionSignatureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "time             |                                              | scalar",
        "round            | instant vector, [scalar]                     | instant vector",
        "abs              | instant vector                               | instant vector",
        "ceil             | instant vector                               | instant vector",
        "floor            | instant vector                               | instant vector",
        "clamp_min        | instant vector, scalar                       | instant vector",
        "clamp_max        | instant vector, scalar                       | instant vector",
        "absent           | instant vector                               | instant vector",
        "absent_over_time | range vector                                 | instant vector",
        "avg_over_time    | range vector                                 | instant vector",
        "min_over_time    | range vector                                 | instant vector",
        "max_over_time    | range vector                                 | instant vector",
        "sum_over_time    | range vector                                 | instant vector",
        "count_over_time  | range vector                                 | instant vector",
        "last_over_time   | range vector                                 | instant vector",
        "changes          | range vector                                 | instant vector",
        "resets           | range vector                                 | instant vector",
        "rate             | range vector                                 | instant vector",
        "increase         | range vector                                 | instant vector",
        "delta            | range vector                                 | instant vector",
        "deriv            | range vector                                 | instant vector",
        "scalar           | instant vector                               | scalar",
        "vector           | scalar                                       | instant vector",
        "label_replace    | instant vector, string, string, string, string | instant vector"
    })
    void hasPrometheusSignature(String name, String args, String returns) {
        Function function = Function.byName(name).orElseThrow();
        assertThat(signature(function)).isEqualTo(args == null ? "" : args);
        assertThat(function.returnType().documentedName()).isEqualTo(returns);
    }

    @Test
    void coversTheContractSubset() {
        assertThat(Function.values()).hasSize(24);
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void acceptsCallsWithEveryArgumentCount(Function function) {
        for (int count = function.minArgs(); count <= function.maxArgs(); count++) {
            Expr parsed = PromQL.parse(call(function, sampleArgs(function, count)));
            assertThat(parsed).isInstanceOf(Call.class);
            assertThat(parsed.type()).isEqualTo(function.returnType());
            assertThat(((Call) parsed).args()).hasSize(count);
        }
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void rejectsTooFewArguments(Function function) {
        if (function.minArgs() == 0) {
            return;
        }
        String input = call(function, sampleArgs(function, function.minArgs() - 1));
        String wanted = function.variadic() == 0 ? "expected " + function.minArgs() : "expected at least " + function.minArgs();
        assertThatThrownBy(() -> PromQL.parse(input)).hasMessage("1:1: parse error: " + wanted + " argument(s) in call to \""
                + function.functionName() + "\", got " + (function.minArgs() - 1));
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void rejectsTooManyArguments(Function function) {
        List<String> args = sampleArgs(function, function.maxArgs());
        args.add(sample(function.argTypes().isEmpty() ? ValueType.SCALAR : function.argType(args.size())));
        String wanted = function.variadic() == 0 ? "expected " + function.maxArgs() : "expected at most " + function.maxArgs();
        assertThatThrownBy(() -> PromQL.parse(call(function, args))).hasMessage("1:1: parse error: " + wanted
                + " argument(s) in call to \"" + function.functionName() + "\", got " + args.size());
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void rejectsEachArgumentOfTheWrongType(Function function) {
        for (int i = 0; i < function.maxArgs(); i++) {
            List<String> args = sampleArgs(function, function.maxArgs());
            ValueType wanted = function.argType(i);
            ValueType given = wanted == ValueType.SCALAR || wanted == ValueType.MATRIX ? ValueType.VECTOR : ValueType.SCALAR;
            args.set(i, sample(given));
            String input = call(function, args);
            int column = input.lastIndexOf(String.join(", ", args.subList(i, args.size()))) + 1;
            assertThatThrownBy(() -> PromQL.parse(input)).hasMessage("1:" + column + ": parse error: expected type "
                    + wanted.documentedName() + " in call to function \"" + function.functionName() + "\", got "
                    + given.documentedName());
        }
    }

    private static String signature(Function function) {
        List<String> names = function.argTypes().stream().map(ValueType::documentedName).collect(Collectors.toList());
        if (function.variadic() > 0) {
            names.set(names.size() - 1, "[" + names.get(names.size() - 1) + "]");
        }
        return String.join(", ", names);
    }

    private static List<String> sampleArgs(Function function, int count) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            args.add(sample(function.argType(i)));
        }
        return args;
    }

    private static String sample(ValueType type) {
        return switch (type) {
            case SCALAR -> "1";
            case VECTOR -> "up{job=\"api\"}";
            case MATRIX -> "errors_total[5m]";
            case STRING -> "\"s\"";
        };
    }

    private static String call(Function function, List<String> args) {
        return function.functionName() + "(" + String.join(", ", args) + ")";
    }
}
