package dev.bosun.shell.render;

import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JS result as plain data for layout: a {@link String}, a {@link Scalar} (number, boolean, null, or the
 * text of anything else), a {@link List} or a {@link Map} in the object's key order. Reading it once, up
 * front, keeps the layout code free of GraalJS and testable with Java values.
 */
final class ValueTree {
    /** Nesting beyond this is shown as an ellipsis: results are records a few levels deep, a cycle is not. */
    private static final int MAX_DEPTH = 12;

    /** A value printed as its text; {@code kind} says how it may be coloured. */
    record Scalar(String text, Kind kind) {
        enum Kind { NUMBER, BOOLEAN, NULL, OTHER }

        static final Scalar NULL = new Scalar("null", Kind.NULL);
    }

    private ValueTree() {
    }

    static Object of(Value v) {
        return of(v, 0);
    }

    private static Object of(Value v, int depth) {
        if (v == null || v.isNull()) {
            return Scalar.NULL;
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return new Scalar(v.toString(), Scalar.Kind.BOOLEAN);
        }
        if (v.isNumber()) {
            return new Scalar(v.toString(), Scalar.Kind.NUMBER);
        }
        if (depth > MAX_DEPTH) {
            return new Scalar("…", Scalar.Kind.OTHER);
        }
        if (v.hasArrayElements() && !v.isProxyObject()) {
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) {
                out.add(of(v.getArrayElement(i), depth + 1));
            }
            return out;
        }
        if (isPlainObject(v)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : v.getMemberKeys()) {
                out.put(k, of(v.getMember(k), depth + 1));
            }
            return out;
        }
        return new Scalar(v.toString(), Scalar.Kind.OTHER);
    }

    /** An object literal or a parsed JSON object; not a function, a module namespace, a date or an error. */
    private static boolean isPlainObject(Value v) {
        return v.hasMembers() && !v.canExecute() && !v.isProxyObject() && !v.isHostObject()
                && !v.isDate() && !v.isException() && v.getMetaObject() != null
                && "Object".equals(v.getMetaObject().getMetaSimpleName());
    }
}
