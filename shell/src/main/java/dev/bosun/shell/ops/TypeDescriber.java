package dev.bosun.shell.ops;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Optional;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
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
 * <p>
 * For help a record is its simple name. For {@code bosun types} ({@link #namespaced()}) every record lives in the
 * namespace of the module whose operations reach it first (the API's own types in {@value #API_NAMESPACE}), so two
 * modules' {@code ListOptions} are {@code users.ListOptions} and {@code subids.ListOptions}, and a plugin's types
 * can never rename a built-in module's.
 */
public final class TypeDescriber {
    /** The namespace of the types every module shares ({@code dev.bosun.api}); module names are lower case. */
    public static final String API_NAMESPACE = "Bosun";

    private final Map<Class<?>, String> named = new LinkedHashMap<>();
    private final Map<Class<?>, String> namespaces = new LinkedHashMap<>();
    private final boolean namespaced;
    private String module = API_NAMESPACE;

    public TypeDescriber() {
        this(false);
    }

    private TypeDescriber(boolean namespaced) {
        this.namespaced = namespaced;
    }

    /** A describer that qualifies records with their module's namespace; tell it each module with {@link #module}. */
    public static TypeDescriber namespaced() {
        return new TypeDescriber(true);
    }

    /** The module whose operations are described next: records met first now belong to its namespace. */
    public void module(String name) {
        this.module = name;
    }

    /** The TypeScript type of an annotated type use: {@code | null} where it is {@link Nullable}, at any depth. */
    public String ts(AnnotatedType at) {
        String base;
        if (at instanceof AnnotatedParameterizedType apt && apt.getType() instanceof ParameterizedType pt
                && pt.getRawType() instanceof Class<?> raw) {
            AnnotatedType[] args = apt.getAnnotatedActualTypeArguments();
            if (java.util.Collection.class.isAssignableFrom(raw)) {
                base = array(ts(args[0]));
            } else if (Map.class.isAssignableFrom(raw)) {
                base = "Record<string, " + ts(args[1]) + ">";
            } else {
                base = ts(at.getType());
            }
        } else {
            base = ts(at.getType());
        }
        return at.isAnnotationPresent(Nullable.class) ? base + " | null" : base;
    }

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
            return qualified(c, n);
        }
        String ns = !namespaced ? "" : c.getPackageName().startsWith("dev.bosun.api") ? API_NAMESPACE : module;
        String base = c.getSimpleName();
        if (c.getEnclosingClass() != null && taken(ns, base)) {
            base = c.getEnclosingClass().getSimpleName() + base;
        }
        String candidate = base;
        for (int i = 2; taken(ns, candidate); i++) {
            candidate = base + i; // two records of one name in one module: rare, and only that module's problem
        }
        named.put(c, candidate);
        namespaces.put(c, ns);
        for (RecordComponent rc : c.getRecordComponents()) {
            ts(rc.getGenericType());
        }
        return qualified(c, candidate);
    }

    private boolean taken(String ns, String name) {
        for (Map.Entry<Class<?>, String> e : named.entrySet()) {
            if (e.getValue().equals(name) && namespaces.get(e.getKey()).equals(ns)) {
                return true;
            }
        }
        return false;
    }

    private String qualified(Class<?> c, String name) {
        String ns = namespaces.get(c);
        return ns.isEmpty() ? name : ns + "." + name;
    }

    /**
     * {@code interface X { ... }} for every record referenced so far, with docs as comments; in namespaced mode
     * grouped into one {@code declare namespace} per module.
     */
    public String declarations() {
        Map<String, StringBuilder> byNamespace = new LinkedHashMap<>();
        for (int i = 0; i < named.size(); i++) {
            // Declaring may reference further records; iterate by index as the map grows.
            Map.Entry<Class<?>, String> e = new ArrayList<>(named.entrySet()).get(i);
            Class<?> c = e.getKey();
            String ns = namespaces.get(c);
            String indent = ns.isEmpty() ? "" : "  ";
            StringBuilder sb = byNamespace.computeIfAbsent(ns, k -> new StringBuilder());
            Doc cd = c.getAnnotation(Doc.class);
            if (cd != null) {
                sb.append(indent).append("/** ").append(comment(cd.value())).append(" */\n");
            }
            sb.append(indent).append("interface ").append(e.getValue()).append(" {\n");
            for (RecordComponent rc : c.getRecordComponents()) {
                Doc d = rc.getAnnotation(Doc.class);
                if (d != null) {
                    sb.append(indent).append("  /** ").append(comment(d.value())).append(" */\n");
                }
                boolean opt = rc.isAnnotationPresent(Optional.class);
                sb.append(indent).append("  ").append(rc.getName()).append(opt ? "?: " : ": ")
                        .append(ts(rc.getAnnotatedType())).append(";\n");
            }
            sb.append(indent).append("}\n");
        }
        StringBuilder out = new StringBuilder();
        byNamespace.forEach((ns, body) -> {
            if (ns.isEmpty()) {
                out.append(body);
            } else {
                out.append("declare namespace ").append(ns).append(" {\n").append(body).append("}\n");
            }
        });
        return out.toString();
    }

    private static String comment(String doc) {
        return doc.replace("*/", "*\\/");
    }

    /** {@code ensure(spec: UserSpec): EnsureResult}, for help and completion. */
    public String signature(OpInfo op) {
        StringJoiner j = new StringJoiner(", ", op.simpleName() + "(", "): " + ts(op.method().getAnnotatedReturnType()));
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
                        + d.ts(rc.getAnnotatedType()) + (doc == null ? "" : "  " + doc.value()));
            }
        }
        return out;
    }
}
