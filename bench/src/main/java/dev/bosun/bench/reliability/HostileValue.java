package dev.bosun.bench.reliability;

import java.util.List;

/**
 * A hostile argument value, as JS source, with what kind of JS value it is and, for strings, what is wrong
 * with it. HostileInputTest's values plus a BigInt, a fraction, a byte-order mark and non-ASCII letters.
 */
record HostileValue(String js, Kind kind) {
    /** The JS type of the value and, for strings and numbers, the trait that makes it hostile. */
    enum Kind {
        UNDEFINED, NULL,
        EMPTY_STRING, TRAVERSAL, NEWLINE, NUL, SPECIFIER, LONG_STRING, BYTE_ORDER_MARK, NON_ASCII,
        NEGATIVE, HUGE, NAN, UNSAFE_INTEGER, FRACTION,
        BOOLEAN, BIGINT,
        EMPTY_ARRAY, NESTED_ARRAY,
        EMPTY_OBJECT, PROTOTYPE_OBJECT, TOSTRING_OBJECT,
        FUNCTION;

        boolean nullish() {
            return this == UNDEFINED || this == NULL;
        }

        boolean string() {
            return ordinal() >= EMPTY_STRING.ordinal() && ordinal() <= NON_ASCII.ordinal();
        }

        boolean number() {
            return ordinal() >= NEGATIVE.ordinal() && ordinal() <= FRACTION.ordinal();
        }

        boolean array() {
            return this == EMPTY_ARRAY || this == NESTED_ARRAY;
        }

        boolean object() {
            return this == EMPTY_OBJECT || this == PROTOTYPE_OBJECT || this == TOSTRING_OBJECT;
        }
    }

    static final List<HostileValue> ALL = List.of(
            new HostileValue("undefined", Kind.UNDEFINED),
            new HostileValue("null", Kind.NULL),
            new HostileValue("''", Kind.EMPTY_STRING),
            new HostileValue("'../../etc/shadow'", Kind.TRAVERSAL),
            new HostileValue("'a\\nb'", Kind.NEWLINE),
            new HostileValue("'/etc/passwd\\n[Service]'", Kind.NEWLINE),
            new HostileValue("'x\\u0000y'", Kind.NUL),
            new HostileValue("'%h%n'", Kind.SPECIFIER),
            new HostileValue("'a'.repeat(5000)", Kind.LONG_STRING),
            new HostileValue("'\\uFEFFroot'", Kind.BYTE_ORDER_MARK),
            new HostileValue("'r\\u00f6\\u00f6t'", Kind.NON_ASCII),
            new HostileValue("-1", Kind.NEGATIVE),
            new HostileValue("1e308", Kind.HUGE),
            new HostileValue("NaN", Kind.NAN),
            new HostileValue("9007199254740993", Kind.UNSAFE_INTEGER),
            new HostileValue("2.5", Kind.FRACTION),
            new HostileValue("true", Kind.BOOLEAN),
            new HostileValue("12n", Kind.BIGINT),
            new HostileValue("[]", Kind.EMPTY_ARRAY),
            new HostileValue("[[[[]]]]", Kind.NESTED_ARRAY),
            new HostileValue("{}", Kind.EMPTY_OBJECT),
            new HostileValue("{__proto__: {admin: true}}", Kind.PROTOTYPE_OBJECT),
            new HostileValue("{name: {toString() { return 'x'; }}}", Kind.TOSTRING_OBJECT),
            new HostileValue("() => 1", Kind.FUNCTION));

    /** Short form for reports: the JS source, cut to 40 characters. */
    String label() {
        return js.length() > 40 ? js.substring(0, 37) + "..." : js;
    }
}
