package dev.bosun.shell.js;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a declared Java type allows of a plain argument value (maps, lists, strings, longs, doubles,
 * BigIntegers, booleans, null), checked over the whole value before anything is bound, so that no rule depends
 * on how Jackson or a record constructor happens to treat a corner:
 * <ul>
 *   <li>a list element or a map value is never null (an absent element has no meaning; an absent map entry is
 *   written by leaving the key out), and a record component is null only where it is {@code @Optional} (or
 *   in a record that marks none, which leaves it to its constructor);</li>
 *   <li>numbers are of the declared kind: an integer type takes a JS integer within its range (a number beyond
 *   2^53 - 1 is not exact and has to be given as a BigInt), a floating type takes any finite number but
 *   never a BigInt, and a string, boolean or enum takes nothing else;</li>
 *   <li>a value of the declared scalar type is returned as the Java value at once (the common case of a call
 *   such as {@code files.exists('/etc')}), without Jackson.</li>
 * </ul>
 * Rules are derived once per type and kept. A refusal is an {@link InvalidValueException} naming the path
 * ({@code spec.publishPort[2]}), the value (quoted and bounded) and the rule.
 */
final class DeclaredType {
    /** A JS number holds every integer up to this exactly; beyond it, integers have to travel as BigInts. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    /** {@link Rule#direct} has nothing simpler than Jackson's binding for this value. */
    static final Object BIND = new Object();

    private static final Map<Type, Rule> RULES = new ConcurrentHashMap<>();

    private DeclaredType() {
    }

    /** The rule of a declared type. */
    static Rule of(Type type) {
        Rule r = RULES.get(type);
        if (r == null) {
            r = derive(type);
            RULES.putIfAbsent(type, r);
        }
        return r;
    }

    /** One type's rule: {@link #check} refuses what it does not allow; {@link #direct} binds simple values. */
    abstract static class Rule {
        /** Refuses a value this type does not allow; {@code plain} is not null. */
        abstract void check(Object plain, String path);

        /** The Java value of a checked value when it needs no binding by Jackson, else {@link #BIND}. */
        Object direct(Object plain) {
            return BIND;
        }
    }

    private static Rule derive(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return new Scalar("a string", String.class);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new Scalar("a boolean", Boolean.class);
        }
        if (raw == long.class || raw == Long.class) {
            return new Integral(Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
        }
        if (raw == int.class || raw == Integer.class) {
            return new Integral(Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit integer");
        }
        if (raw == short.class || raw == Short.class) {
            return new Integral(Short.MIN_VALUE, Short.MAX_VALUE, "a 16-bit integer");
        }
        if (raw == byte.class || raw == Byte.class) {
            return new Integral(Byte.MIN_VALUE, Byte.MAX_VALUE, "an 8-bit integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return new Floating(raw == float.class || raw == Float.class);
        }
        if (raw.isEnum()) {
            return new Label(raw);
        }
        if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
            return new Elements(argument(type, 0));
        }
        if (raw.isArray()) {
            return new Elements(raw.getComponentType());
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new Values(argument(type, 1));
        }
        if (raw.isRecord()) {
            return new Components(raw);
        }
        Rule delegating = delegating(raw);
        return delegating != null ? delegating : new Unknown();
    }

    /**
     * A class Jackson builds through a delegating {@code @JsonCreator} factory (such as {@code QuadletUnits}
     * from a list of units) has the rule of the factory's parameter; one that also takes a single value for a
     * list checks that value as the element.
     */
    private static Rule delegating(Class<?> raw) {
        for (Method m : raw.getDeclaredMethods()) {
            JsonCreator c = m.getAnnotation(JsonCreator.class);
            if (c != null && c.mode() == JsonCreator.Mode.DELEGATING && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1) {
                Type param = m.getGenericParameterTypes()[0];
                return acceptsSingleValue(m) ? new SingleOrMany(param) : new Later(param);
            }
        }
        return null;
    }

    private static boolean acceptsSingleValue(Executable m) {
        JsonFormat f = m.getParameters()[0].getAnnotation(JsonFormat.class);
        if (f == null) {
            return false;
        }
        for (JsonFormat.Feature x : f.with()) {
            if (x == JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) {
                return true;
            }
        }
        return false;
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

    private static Type argument(Type t, int index) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class; // a raw List or Map: its elements may be any data, but still not null
    }

    /** What a plain value is, for messages: {@code a boolean (true)}, {@code a BigInt (12n)}. */
    static String shown(Object plain) {
        if (plain instanceof String s) {
            return "a string (" + Check.quote(s) + ")";
        }
        if (plain instanceof Boolean b) {
            return "a boolean (" + b + ")";
        }
        if (plain instanceof BigInteger b) {
            return "a BigInt (" + b + "n)";
        }
        if (plain instanceof Number n) {
            return "a number (" + number(n) + ")";
        }
        if (plain instanceof List<?>) {
            return "an array";
        }
        if (plain instanceof Map<?, ?>) {
            return "an object";
        }
        return "a value of another type";
    }

    /** A plain value as the script would write it, bounded: {@code 0}, {@code true}, {@code 12n}, {@code "x"}. */
    static String literal(Object plain) {
        if (plain instanceof String s) {
            return Check.quote(s);
        }
        if (plain instanceof BigInteger b) {
            return b + "n";
        }
        if (plain instanceof Number n) {
            return number(n);
        }
        if (plain instanceof Boolean b) {
            return b.toString();
        }
        return shown(plain);
    }

    private static String number(Number n) {
        if (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new java.math.BigDecimal(d).toPlainString(); // 9007199254740992, not 9.007199254740992E15
        }
        return n.toString();
    }

    /** String and boolean: the value must be that JS type and is used as it is. */
    private static final class Scalar extends Rule {
        private final String kind;
        private final Class<?> type;

        Scalar(String kind, Class<?> type) {
            this.kind = kind;
            this.type = type;
        }

        @Override
        void check(Object plain, String path) {
            if (!type.isInstance(plain)) {
                throw new InvalidValueException(path, "must be " + kind + ", not " + shown(plain));
            }
        }

        @Override
        Object direct(Object plain) {
            return plain;
        }
    }

    /** An enum: one of its labels as a string; which label is Jackson's to look up (case-insensitively). */
    private static final class Label extends Rule {
        private final String labels;

        Label(Class<?> type) {
            StringBuilder sb = new StringBuilder();
            for (Object k : type.getEnumConstants()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k);
            }
            this.labels = sb.toString();
        }

        @Override
        void check(Object plain, String path) {
            if (!(plain instanceof String)) {
                throw new InvalidValueException(path, literal(plain) + " must be one of " + labels);
            }
        }
    }

    /** An integer type: a JS integer number or a BigInt within the type's range, never a fraction. */
    private static final class Integral extends Rule {
        private final long min;
        private final long max;
        private final String what;

        Integral(long min, long max, String what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        @Override
        void check(Object plain, String path) {
            long v;
            if (plain instanceof BigInteger b) {
                if (b.bitLength() > 63) {
                    throw new InvalidValueException(path, b + "n is outside the range of " + what);
                }
                v = b.longValue();
            } else if (plain instanceof Long || plain instanceof Integer || plain instanceof Short
                    || plain instanceof Byte) {
                v = ((Number) plain).longValue();
            } else if (plain instanceof Double d) {
                if (d == Math.rint(d) && (d < min || d > max)) {
                    throw new InvalidValueException(path, number(d) + " must be between " + min + " and " + max
                            + " (" + what + ")");
                }
                if (d == Math.rint(d)) {
                    throw new InvalidValueException(path, number(d) + " is not a safe integer: beyond 2^53 - 1 a JS "
                            + "number cannot hold every integer exactly, so give it as a BigInt (e.g. "
                            + number(d) + "n)");
                }
                throw new InvalidValueException(path, "must be an integer, not " + shown(plain));
            } else {
                throw new InvalidValueException(path, "must be an integer, not " + shown(plain));
            }
            if (v < min || v > max) {
                throw new InvalidValueException(path, v + " must be between " + min + " and " + max + " ("
                        + what + ")");
            }
        }

        @Override
        Object direct(Object plain) {
            long v = ((Number) plain).longValue();
            if (max == Long.MAX_VALUE) {
                return v;
            }
            if (max == Integer.MAX_VALUE) {
                return (int) v;
            }
            return max == Short.MAX_VALUE ? (Object) (short) v : (Object) (byte) v;
        }
    }

    /** A floating type: any finite number (Plain refuses NaN and infinities), never a BigInt. */
    private static final class Floating extends Rule {
        private final boolean single;

        Floating(boolean single) {
            this.single = single;
        }

        @Override
        void check(Object plain, String path) {
            if (plain instanceof BigInteger b) {
                throw new InvalidValueException(path, b + "n must be a number, not a BigInt (write " + b + ")");
            }
            if (!(plain instanceof Number)) {
                throw new InvalidValueException(path, "must be a number, not " + shown(plain));
            }
        }

        @Override
        Object direct(Object plain) {
            double d = ((Number) plain).doubleValue();
            return single ? (Object) (float) d : (Object) d;
        }
    }

    /** A list, set or array: every element is given (not null) and meets the element type's rule. */
    private static final class Elements extends Rule {
        private final Type element;
        private final boolean nullable;

        Elements(Type element) {
            this(element, false);
        }

        /** With {@code nullable}, a null element is a value ({@code List<@Nullable T>}). */
        Elements(Type element, boolean nullable) {
            this.element = element;
            this.nullable = nullable;
        }

        @Override
        void check(Object plain, String path) {
            if (!(plain instanceof List<?> list)) {
                throw new InvalidValueException(path, "must be an array, not " + shown(plain));
            }
            Rule r = of(element);
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                String at = path + "[" + i + "]";
                if (e == null) {
                    if (nullable) {
                        continue;
                    }
                    throw new InvalidValueException(at, "is null or undefined: every element of an array must be "
                            + "a value (leave it out instead)");
                }
                r.check(e, at);
            }
        }
    }

    /** A map: every value is given (not null) and meets the value type's rule; keys are strings in JS. */
    private static final class Values extends Rule {
        private final Type value;
        private final boolean nullable;

        Values(Type value) {
            this(value, false);
        }

        /** With {@code nullable}, null is a value ({@code Map<String, @Nullable String>}: a bare KEY). */
        Values(Type value, boolean nullable) {
            this.value = value;
            this.nullable = nullable;
        }

        @Override
        void check(Object plain, String path) {
            if (!(plain instanceof Map<?, ?> map)) {
                throw new InvalidValueException(path, "must be an object, not " + shown(plain));
            }
            Rule r = of(value);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String at = Plain.member(path, String.valueOf(e.getKey()));
                if (e.getValue() == null) {
                    if (nullable) {
                        continue;
                    }
                    throw new InvalidValueException(at, "is null: every value of this object must be given "
                            + "(leave the key out instead)");
                }
                r.check(e.getValue(), at);
            }
        }
    }

    /**
     * A record: each given component meets its type's rule; null only where the component is
     * {@code @Optional} or the record marks no component so. Unknown keys are left to Jackson, which names
     * the known ones.
     */
    private static final class Components extends Rule {
        private final Map<String, Rule> rules = new HashMap<>();
        /** Why null is refused for a component, or absent when null is allowed there. */
        private final Map<String, String> nullRefused = new HashMap<>();

        Components(Class<?> record) {
            RecordComponent[] rcs = record.getRecordComponents();
            boolean marks = false;
            for (RecordComponent rc : rcs) {
                marks |= rc.isAnnotationPresent(dev.bosun.api.Optional.class);
            }
            for (RecordComponent rc : rcs) {
                rules.put(rc.getName(), annotated(rc.getAnnotatedType()));
                if (rc.getAnnotatedType().isAnnotationPresent(dev.bosun.api.Nullable.class)) {
                    continue; // null is a value here
                }
                if (rc.getType().isPrimitive()) {
                    nullRefused.put(rc.getName(), "is null: give a value or leave it out"
                            + (rc.isAnnotationPresent(dev.bosun.api.Optional.class) ? " for its default" : ""));
                } else if (marks && !rc.isAnnotationPresent(dev.bosun.api.Optional.class)) {
                    nullRefused.put(rc.getName(), "is required: null is not a value here");
                }
            }
        }

        @Override
        void check(Object plain, String path) {
            if (!(plain instanceof Map<?, ?> map)) {
                throw new InvalidValueException(path, "must be an object, not " + shown(plain));
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Rule rule = rules.get(key);
                if (rule == null) {
                    continue;
                }
                String at = Plain.member(path, key);
                if (e.getValue() == null) {
                    String refused = nullRefused.get(key);
                    if (refused != null) {
                        throw new InvalidValueException(at, refused);
                    }
                    continue;
                }
                rule.check(e.getValue(), at);
            }
        }

        /**
         * A component's rule with its type-use annotations: {@link dev.bosun.api.Nullable} elements or values of a
         * list or map component allow null there (the cached rules are keyed by the plain type, which has none).
         */
        private static Rule annotated(java.lang.reflect.AnnotatedType at) {
            if (at instanceof java.lang.reflect.AnnotatedParameterizedType apt) {
                Class<?> raw = raw(at.getType());
                java.lang.reflect.AnnotatedType[] args = apt.getAnnotatedActualTypeArguments();
                if (Map.class.isAssignableFrom(raw) && args.length == 2
                        && args[1].isAnnotationPresent(dev.bosun.api.Nullable.class)) {
                    return new Values(args[1].getType(), true);
                }
                if (Collection.class.isAssignableFrom(raw) && args.length == 1
                        && args[0].isAnnotationPresent(dev.bosun.api.Nullable.class)) {
                    return new Elements(args[0].getType(), true);
                }
            }
            return of(at.getType());
        }
    }

    /** A delegating creator's parameter that also takes one value for a list of one. */
    private static final class SingleOrMany extends Rule {
        private final Type many;

        SingleOrMany(Type many) {
            this.many = many;
        }

        @Override
        void check(Object plain, String path) {
            if (plain instanceof List<?>) {
                of(many).check(plain, path);
            } else {
                of(argument(many, 0)).check(plain, path);
            }
        }
    }

    /** The rule of another type, looked up when first used (a delegating creator's parameter). */
    private static final class Later extends Rule {
        private final Type type;

        Later(Type type) {
            this.type = type;
        }

        @Override
        void check(Object plain, String path) {
            of(type).check(plain, path);
        }
    }

    /** A type the rules do not describe ({@code Object}, a type variable): any data, bound by Jackson. */
    private static final class Unknown extends Rule {
        @Override
        void check(Object plain, String path) {
            if (plain instanceof List<?> list) {
                new Elements(Object.class).check(list, path);
            } else if (plain instanceof Map<?, ?> map) {
                new Values(Object.class).check(map, path);
            }
        }
    }
}
