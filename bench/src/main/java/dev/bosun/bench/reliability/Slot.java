package dev.bosun.bench.reliability;

import dev.bosun.bench.reliability.HostileValue.Kind;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One place a hostile value goes in a call: a whole parameter, a component of a record parameter, an element
 * of a list or a value of a map (parameter or component). It knows the declared Java type there, so it can
 * say whether a value is invalid by the declaration alone, which is what makes an accepted call an
 * "unexpected success" rather than a lenient but legitimate one.
 *
 * @param param    index of the operation's parameter
 * @param field    the record component, or null for the parameter itself
 * @param element  "" for the value itself, "[0]" for a list element, "{KEY}" for a map value
 * @param name     the parameter's or component's name (for samples and the name rules)
 * @param type     the declared type at this place
 * @param required whether leaving it out (undefined/null) is an error by the declaration
 * @param owner    the record class holding the component, or null
 */
record Slot(int param, String field, String element, String name, Type type, boolean required, Class<?> owner) {
    /** What accepting a value here means. */
    enum Verdict {
        /** Valid, or not decidable from the declaration: accepting it is no finding. */
        UNDECIDED,
        /** Invalid by the declaration: accepting it is an unexpected success. */
        INVALID,
        /** A number, boolean or BigInt where a string is declared: accepting it is a coercion. */
        COERCION
    }

    /** Names that are identifiers (login, group, unit, connection, sandbox names, addresses, modes). */
    private static final Set<String> NAMES = Set.of("name", "user", "owner", "group", "groups", "slug", "id", "unit",
            "peer", "mark", "netns", "first", "last", "mode", "containerUids", "containerGids");
    /** Names that are absolute paths inside the root. */
    private static final Set<String> PATHS = Set.of("path", "dir", "home", "shell", "lower", "opaque", "datadir");
    /** Names that are one line of a line-oriented file. */
    private static final Set<String> LINES = Set.of("comment");
    /** Unit-file builders: their fields are free unit values (specifiers, escaping) except the unit's name. */
    private static final String QUADLET_SPECS = "dev.bosun.stdlib.quadlet.spec";

    /** The JS source of the call's argument {@code param} with {@code value} placed here, around a valid base. */
    String place(String value, String validParam) {
        String inner = switch (element) {
            case "" -> value;
            case "[0]" -> "[" + value + "]";
            default -> "{" + element.substring(1, element.length() - 1) + ": " + value + "}";
        };
        return field == null ? inner : "({...(" + validParam + "), " + field + ": " + inner + "})";
    }

    /** Short form for reports: {@code spec.name}, {@code #1}, {@code units[0]}. */
    String label(List<String> paramNames) {
        return paramNames.get(param) + (field == null ? "" : "." + field) + element;
    }

    Verdict verdict(HostileValue v) {
        Kind k = v.kind();
        if (k.nullish()) {
            // {KEY: undefined} is an object without KEY for JSON and for every JS API that copies it.
            boolean absentKey = k == Kind.UNDEFINED && element.startsWith("{");
            return required && !absentKey ? Verdict.INVALID : Verdict.UNDECIDED;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            if (k.number() || k == Kind.BOOLEAN || k == Kind.BIGINT) {
                return Verdict.COERCION;
            }
            if (!k.string()) {
                return Verdict.INVALID;
            }
            return stringRule() ? Verdict.INVALID : stringVerdict(k);
        }
        if (isInteger(raw)) {
            return k == Kind.BIGINT ? Verdict.UNDECIDED : Verdict.INVALID;
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return !k.number() || k == Kind.NAN || k == Kind.NEGATIVE ? Verdict.INVALID : Verdict.UNDECIDED;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return k == Kind.BOOLEAN ? Verdict.UNDECIDED : Verdict.INVALID;
        }
        if (raw.isEnum()) {
            return Verdict.INVALID; // no hostile value is one of the labels
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            if (k == Kind.EMPTY_ARRAY) {
                return Verdict.UNDECIDED;
            }
            return k == Kind.NESTED_ARRAY && List.class.isAssignableFrom(raw(elementType(type))) ? Verdict.UNDECIDED
                    : Verdict.INVALID;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (k == Kind.EMPTY_OBJECT || k == Kind.PROTOTYPE_OBJECT) {
                return Verdict.UNDECIDED;
            }
            return k == Kind.TOSTRING_OBJECT && raw(valueType(type)) != String.class ? Verdict.UNDECIDED : Verdict.INVALID;
        }
        if (raw.isRecord()) {
            if (!k.object()) {
                return Verdict.INVALID;
            }
            if (k == Kind.TOSTRING_OBJECT) {
                return hasStringName(raw) || hasRequired(raw) ? Verdict.INVALID : Verdict.UNDECIDED;
            }
            return hasRequired(raw) ? Verdict.INVALID : Verdict.UNDECIDED;
        }
        return Verdict.UNDECIDED;
    }

    /** Identifiers and paths: every hostile string is invalid there (empty, relative, control characters, ...). */
    private boolean stringRule() {
        boolean quadletField = owner != null && owner.getPackageName().equals(QUADLET_SPECS);
        return quadletField ? name.equals("name") : NAMES.contains(name) || PATHS.contains(name);
    }

    private Verdict stringVerdict(Kind k) {
        return LINES.contains(name) && (k == Kind.NEWLINE || k == Kind.NUL) ? Verdict.INVALID : Verdict.UNDECIDED;
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    static Type elementType(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    static Type valueType(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[p.getActualTypeArguments().length - 1]
                : Object.class;
    }

    static boolean isInteger(Class<?> c) {
        return c == Integer.class || c == int.class || c == Long.class || c == long.class || c == Short.class
                || c == short.class;
    }

    /**
     * A component the declaration makes required: not @Optional in a record that marks its optional components
     * (a record with no @Optional at all, like the parser's UnitSection, does not say), and not a primitive
     * (which defaults to 0/false).
     */
    static boolean requiredComponent(RecordComponent rc) {
        if (rc.isAnnotationPresent(dev.bosun.api.Optional.class) || rc.getType().isPrimitive()
                || rc.getAnnotatedType().isAnnotationPresent(dev.bosun.api.Nullable.class)) {
            return false;
        }
        for (RecordComponent other : rc.getDeclaringRecord().getRecordComponents()) {
            if (other.isAnnotationPresent(dev.bosun.api.Optional.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRequired(Class<?> record) {
        for (RecordComponent rc : record.getRecordComponents()) {
            if (requiredComponent(rc)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasStringName(Class<?> record) {
        for (RecordComponent rc : record.getRecordComponents()) {
            if (rc.getName().equals("name") && rc.getType() == String.class) {
                return true;
            }
        }
        return false;
    }
}
