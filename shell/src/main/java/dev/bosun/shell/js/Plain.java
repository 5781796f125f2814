package dev.bosun.shell.js;

import dev.bosun.api.InvalidValueException;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JS values copied into plain Java data (maps, lists, strings, numbers, booleans, null) that Jackson
 * can bind to records. Copying (rather than keeping live views) means a script cannot change an
 * argument after validation, and only own enumerable properties count, so a polluted
 * {@code Object.prototype} cannot inject options.
 */
final class Plain {
    private static final int MAX_DEPTH = 32;

    private Plain() {
    }

    static Object of(Value v, String path) {
        return of(v, path, 0);
    }

    private static Object of(Value v, String path, int depth) {
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
            return v.asString();
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return v.asLong();
            }
            double d = v.asDouble();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidValueException(path, "must be a finite number, not " + d);
            }
            return d;
        }
        if (v.isProxyObject()) {
            throw new InvalidValueException(path, "must be data, not a Bosun module or operation");
        }
        if (v.hasArrayElements()) {
            long n = v.getArraySize();
            List<Object> list = new ArrayList<>((int) Math.min(n, 1024));
            for (long i = 0; i < n; i++) {
                list.add(of(v.getArrayElement(i), path + "[" + i + "]", depth + 1));
            }
            return list;
        }
        if (v.canExecute()) {
            throw new InvalidValueException(path, "must be data, not a function");
        }
        if (v.isHostObject()) {
            throw new InvalidValueException(path, "must be plain data");
        }
        if (v.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String k : v.getMemberKeys()) {
                Value member = v.getMember(k);
                if (member == null || member.isNull() && isUndefined(member)) {
                    continue; // {a: undefined} means "not given", like JSON.stringify
                }
                map.put(k, of(member, path + "." + k, depth + 1));
            }
            return map;
        }
        throw new InvalidValueException(path, "has an unsupported type: " + v);
    }

    private static boolean isUndefined(Value v) {
        return v.isNull() && "undefined".equals(v.toString());
    }
}
