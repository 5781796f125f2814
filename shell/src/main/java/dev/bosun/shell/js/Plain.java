package dev.bosun.shell.js;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JS argument copied into plain Java data (maps, lists, strings, longs, doubles, booleans, null) that
 * Jackson binds to records. The copy is what gets validated and bound, so:
 * <ul>
 *   <li>only own properties count: array elements are read index by index with {@code Object.hasOwn}, a
 *   hole is an error (an inherited {@code Array.prototype[0]} is never read), object keys are
 *   {@code Object.keys} (own, enumerable, string-keyed), and a key deleted while the argument is read is
 *   an error;</li>
 *   <li>every property is read exactly once: a getter cannot show one value to validation and another to
 *   the operation;</li>
 *   <li>the size is bounded before it is walked: {@value #MAX_DEPTH} levels, {@value #MAX_ITEMS} array
 *   elements and object keys in all, {@value #MAX_CHARS} characters of text in all (16 MiB, as much as
 *   {@code files.read} returns); an array's length is checked before its first element is read, so
 *   {@code a.length = 2**32 - 1} fails at once instead of spinning (a string is copied, then counted);</li>
 *   <li>numbers are finite; an integer a JS number holds exactly is a Long, any other number a Double, and a
 *   BigInt that fits in 64 bits a BigInteger, so binding can tell them apart ({@link DeclaredType}); functions,
 *   modules, operations, host objects, dates, maps and symbols are not data.</li>
 * </ul>
 * Paths in messages name the offending element ({@code spec.groups[0]}); keys that are not plain names are
 * quoted ({@code spec.env["a b"]}), so a hostile key cannot make the message lie or grow.
 */
final class Plain {
    static final int MAX_DEPTH = 32;
    static final int MAX_ITEMS = 100_000;
    static final int MAX_CHARS = 16 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");

    private final Value absent;
    private final Value entries;
    private final Value elements;
    private long items;
    private long chars;

    /**
     * @param absent   the marker the helpers give for a property that is not an own one
     * @param entries  {@code (o, max) => [k0, v0, ...]} of o's own enumerable string keys, or their count when
     *                 over max (SandboxContext)
     * @param elements {@code (a, n) => [a[0], ...]} of a's first n own elements, absent for a hole
     */
    Plain(Value absent, Value entries, Value elements) {
        this.absent = absent;
        this.entries = entries;
        this.elements = elements;
    }

    /** The plain copy of {@code v}; {@code path} names it in messages (the parameter name). */
    Object copy(Value v, String path) {
        return of(v, path, 0);
    }

    private Object of(Value v, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidValueException(path, "is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isString()) {
            return string(v, path);
        }
        if (v.isNumber()) {
            return number(v, path);
        }
        if (v.isProxyObject()) {
            throw new InvalidValueException(path, "must be data, not a Bosun module or operation");
        }
        if (v.isHostObject()) {
            throw new InvalidValueException(path, "must be plain data");
        }
        if (v.canExecute()) {
            throw new InvalidValueException(path, "must be data, not a function");
        }
        if (v.isDate() || v.isTime() || v.isTimeZone() || v.isDuration()) {
            throw new InvalidValueException(path, "must be plain data, not a date or time (give it as a string)");
        }
        if (v.hasHashEntries()) {
            throw new InvalidValueException(path, "must be a plain object, not a Map");
        }
        if (v.hasArrayElements()) {
            return array(v, path, depth);
        }
        if (v.hasMembers()) {
            return object(v, path, depth);
        }
        throw new InvalidValueException(path, "must be plain data, not a " + typeName(v));
    }

    private String string(Value v, String path) {
        // Copied first, then counted: asking the engine for the length is a call into JS that cost more than the
        // rest of a simple operation. The copy is of a string the script already holds, so it is bounded by the
        // engine's own string limit; nothing longer than MAX_CHARS gets past count.
        String s = v.asString();
        count(path, s.length());
        return s;
    }

    private void count(String path, long length) {
        if (length > MAX_CHARS) {
            throw new InvalidValueException(path, "is " + length + " characters long; an argument may hold at most "
                    + MAX_CHARS + " (16 MiB)");
        }
        chars += length;
        if (chars > MAX_CHARS) {
            throw new InvalidValueException(path, "brings the argument's text over " + MAX_CHARS
                    + " characters (16 MiB)");
        }
    }

    /**
     * A JS number as a Long when it is an integer a JS number holds exactly (up to 2^53 - 1), else as a Double; a
     * BigInt as a BigInteger, so that binding can tell them apart (a BigInt is an integer, never a fraction).
     */
    private static Object number(Value v, String path) {
        if (isBigInt(v)) {
            if (!v.fitsInLong()) {
                throw new InvalidValueException(path, "is a BigInt outside the 64-bit integer range");
            }
            return java.math.BigInteger.valueOf(v.asLong());
        }
        if (v.fitsInLong()) {
            long l = v.asLong();
            return Math.abs(l) <= DeclaredType.MAX_SAFE_INTEGER ? (Object) l : (Object) (double) l;
        }
        if (!v.fitsInDouble()) {
            throw new InvalidValueException(path, "must be a number, not a " + typeName(v));
        }
        double d = v.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidValueException(path, "must be a finite number, not " + d);
        }
        return d;
    }

    private static boolean isBigInt(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "bigint".equals(meta.getMetaSimpleName());
    }

    private List<Object> array(Value v, String path, int depth) {
        long n = v.getArraySize();
        take(path, n, "elements");
        List<Object> list = new ArrayList<>((int) Math.min(n, 1024));
        Value read = elements.execute(v, n);
        for (long i = 0; i < n; i++) {
            String at = path + "[" + i + "]";
            Value element = read.getArrayElement(i);
            if (element.equals(absent)) {
                throw new InvalidValueException(at, "is a hole in the array: every element must be given");
            }
            list.add(of(element, at, depth + 1));
        }
        return list;
    }

    private Map<String, Object> object(Value v, String path, int depth) {
        Value read = entries.execute(v, MAX_ITEMS - items);
        long n = read.isNumber() ? read.asLong() : read.getArraySize() / 2;
        take(path, n, "keys");
        Map<String, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < n; i++) {
            String k = read.getArrayElement(2 * i).asString();
            count(path, k.length());
            String at = member(path, k);
            Value member = read.getArrayElement(2 * i + 1);
            if (member.equals(absent)) {
                throw new InvalidValueException(at, "was deleted while the argument was being read");
            }
            if (isUndefined(member)) {
                continue; // {a: undefined} means "not given", like JSON.stringify
            }
            map.put(k, of(member, at, depth + 1));
        }
        return map;
    }

    /** Counts {@code n} more elements or keys against the argument's limit, before any of them is read. */
    private void take(String path, long n, String what) {
        if (n > MAX_ITEMS - items) {
            throw new InvalidValueException(path, "has " + n + " " + what + "; an argument may hold at most "
                    + MAX_ITEMS + " array elements and object keys in all");
        }
        items += n;
    }

    /** {@code path.key} for a plain name, else {@code path["quoted key"]}. */
    static String member(String path, String key) {
        return NAME.matcher(key).matches() ? path + "." + key : path + "[" + Check.quote(key) + "]";
    }

    private static boolean isUndefined(Value v) {
        return v.isNull() && "undefined".equals(v.toString());
    }

    private static String typeName(Value v) {
        Value meta = v.getMetaObject();
        String name = meta == null ? null : meta.getMetaSimpleName();
        return name == null || !NAME.matcher(name).matches() ? "value of another type" : name;
    }
}
