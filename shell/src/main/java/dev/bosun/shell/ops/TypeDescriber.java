package dev.bosun.shell.ops;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Java types as script authors see them, in TypeScript notation: records are interfaces named after
 * the record, enums are unions of their wire labels ({@code toString()}), lists are arrays.
 */
public final class TypeDescriber {
    private final Map<Class<?>, String> named = new LinkedHashMap<>();

    /** The TypeScript type of a Java type; records are referenced by name and collected for {@link #declarations()}. */
    public String ts(Type t) {
        if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
            Type[] args = pt.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)
                    || java.util.Collection.class.isAssignableFrom(raw)) {
                return array(ts(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "Record<string, " + ts(args[1]) + ">";
            }
            return ts(raw);
        }
        if (t instanceof WildcardType wt) {
            return ts(wt.getUpperBounds()[0]);
        }
        if (!(t instanceof Class<?> c)) {
            return "unknown";
        }
        if (c == void.class || c == Void.class) {
            return "void";
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return "string";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
            return "number";
        }
        if (c.isArray()) {
            return array(ts(c.getComponentType()));
        }
        if (c.isEnum()) {
            StringJoiner j = new StringJoiner(" | ");
            for (Object k : c.getEnumConstants()) {
                j.add("\"" + k + "\"");
            }
            return j.toString();
        }
        if (c.isRecord()) {
            return recordName(c);
        }
        if (List.class.isAssignableFrom(c)) {
            return "unknown[]";
        }
        if (Map.class.isAssignableFrom(c)) {
            return "Record<string, unknown>";
        }
        return "unknown";
    }

    private static String array(String element) {
        return element.contains(" ") ? "(" + element + ")[]" : element + "[]";
    }

    private String recordName(Class<?> c) {
        String n = named.get(c);
        if (n != null) {
            return n;
        }
        String base = c.getSimpleName();
        if (c.getEnclosingClass() != null && named.containsValue(base)) {
            base = c.getEnclosingClass().getSimpleName() + base;
        }
        String candidate = base;
        for (int i = 2; named.containsValue(candidate); i++) {
            candidate = base + i;
        }
        named.put(c, candidate);
        for (RecordComponent rc : c.getRecordComponents()) {
            ts(rc.getGenericType());
        }
        return candidate;
    }

    /** {@code interface X { ... }} for every record referenced so far, with docs as comments. */
    public String declarations() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < named.size(); i++) {
            // Declaring may reference further records; iterate by index as the map grows.
            Map.Entry<Class<?>, String> e = new ArrayList<>(named.entrySet()).get(i);
            Class<?> c = e.getKey();
            Doc cd = c.getAnnotation(Doc.class);
            if (cd != null) {
                sb.append("/** ").append(cd.value()).append(" */\n");
            }
            sb.append("interface ").append(e.getValue()).append(" {\n");
            for (RecordComponent rc : c.getRecordComponents()) {
                Doc d = rc.getAnnotation(Doc.class);
                if (d != null) {
                    sb.append("  /** ").append(d.value().replace("*/", "*\\/")).append(" */\n");
                }
                boolean opt = rc.isAnnotationPresent(Optional.class);
                sb.append("  ").append(rc.getName()).append(opt ? "?: " : ": ").append(ts(rc.getGenericType()))
                        .append(";\n");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    /** {@code ensure(spec: UserSpec): EnsureResult}, for help and completion. */
    public String signature(OpInfo op) {
        StringJoiner j = new StringJoiner(", ", op.simpleName() + "(", "): " + ts(op.returnType()));
        for (ParamInfo p : op.params()) {
            j.add(p.name() + (p.optional() ? "?: " : ": ") + ts(p.type()));
        }
        return j.toString();
    }

    /** The fields of a record type, one per line, for help output. */
    public static List<String> fields(Type t) {
        List<String> out = new ArrayList<>();
        if (t instanceof Class<?> c && c.isRecord()) {
            TypeDescriber d = new TypeDescriber();
            for (RecordComponent rc : c.getRecordComponents()) {
                Doc doc = rc.getAnnotation(Doc.class);
                out.add(rc.getName() + (rc.isAnnotationPresent(Optional.class) ? "?" : "") + ": "
                        + d.ts(rc.getGenericType()) + (doc == null ? "" : "  " + doc.value()));
            }
        }
        return out;
    }
}
