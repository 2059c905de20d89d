package io.vigil.rule.template;

import java.util.Collections;
import java.util.List;

/**
 * Go's template comparison functions {@code eq ne lt le gt ge}: basic types only, no conversion between int and
 * float64, so {@code gt $value 1} fails while {@code gt $value 1.0} works, exactly as in Prometheus.
 */
final class GoCompare {

    private enum Kind { INVALID, BOOL, INT, FLOAT, STRING }

    private GoCompare() {
    }

    private static Kind kind(Object v) {
        return switch (v) {
            case Boolean b -> Kind.BOOL;
            case Long l -> Kind.INT;
            case Double d -> Kind.FLOAT;
            case String s -> Kind.STRING;
            case null, default -> Kind.INVALID;
        };
    }

    private static FuncException incompatible(Object a, Object b) {
        return new FuncException(
                "incompatible types for comparison: " + GoValues.typeName(a) + " and " + GoValues.typeName(b));
    }

    /** {@code eq a b c ...} is a==b || a==c || ... */
    static boolean eq(Object arg1, List<Object> others) throws FuncException {
        if (others.isEmpty()) {
            throw new FuncException("missing argument for comparison");
        }
        Kind k1 = kind(arg1);
        for (Object arg : others) {
            Kind k2 = kind(arg);
            boolean truth;
            if (k1 != k2) {
                if (arg1 != null && arg != null) {
                    throw incompatible(arg1, arg);
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case BOOL, STRING -> arg1.equals(arg);
                    case INT -> ((Long) arg1).longValue() == (Long) arg;
                    case FLOAT -> ((Double) arg1).doubleValue() == (Double) arg;
                    case INVALID -> equalComposite(arg1, arg);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Nil equals only nil; maps, slices and structs holding maps are not comparable in Go. */
    private static boolean equalComposite(Object a, Object b) throws FuncException {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            throw new FuncException("non-comparable types " + GoFmt.print(a) + ": " + GoValues.typeName(a) + ", "
                    + GoValues.typeName(b) + ": " + GoFmt.print(b));
        }
        throw new FuncException("non-comparable type " + GoFmt.print(b) + ": " + GoValues.typeName(b));
    }

    static boolean lt(Object a, Object b) throws FuncException {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
            throw new FuncException("invalid type for comparison");
        }
        if (k1 != k2) {
            throw incompatible(a, b);
        }
        return switch (k1) {
            case INT -> (Long) a < (Long) b;
            case FLOAT -> (Double) a < (Double) b;
            case STRING -> GoValues.KEY_ORDER.compare((String) a, (String) b) < 0;
            default -> throw new FuncException("invalid type for comparison");
        };
    }

    static boolean le(Object a, Object b) throws FuncException {
        return lt(a, b) || eq(a, Collections.singletonList(b));
    }

    static boolean gt(Object a, Object b) throws FuncException {
        return !le(a, b);
    }

    static boolean ge(Object a, Object b) throws FuncException {
        return !lt(a, b);
    }

    static boolean ne(Object a, Object b) throws FuncException {
        return !eq(a, Collections.singletonList(b));
    }
}
