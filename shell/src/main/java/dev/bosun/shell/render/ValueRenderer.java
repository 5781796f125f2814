package dev.bosun.shell.render;

import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Results for people: an array of objects is a table, an object a key/value block, a string is printed
 * as is. Nested values are shown inline as compact JSON-like text.
 */
public final class ValueRenderer {
    private static final int MAX_CELL = 48;
    private static final int MAX_ROWS = 500;

    private ValueRenderer() {
    }

    /** The text for a value, or null when nothing should be printed (undefined). */
    public static String render(Value v) {
        if (v == null || v.isNull() && "undefined".equals(v.toString())) {
            return null;
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.hasArrayElements() && !v.isProxyObject()) {
            return array(v);
        }
        if (isPlainObject(v)) {
            return object(v);
        }
        return inline(v, 0);
    }

    private static boolean isPlainObject(Value v) {
        return v.hasMembers() && !v.canExecute() && !v.isProxyObject() && !v.isHostObject()
                && !v.isDate() && !v.isException() && v.getMetaObject() != null
                && "Object".equals(v.getMetaObject().getMetaSimpleName());
    }

    private static String array(Value v) {
        long n = v.getArraySize();
        if (n == 0) {
            return "(empty)";
        }
        boolean allObjects = true;
        Set<String> cols = new LinkedHashSet<>();
        for (long i = 0; i < n && i < MAX_ROWS; i++) {
            Value e = v.getArrayElement(i);
            if (!isPlainObject(e)) {
                allObjects = false;
                break;
            }
            cols.addAll(e.getMemberKeys());
        }
        if (!allObjects || cols.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (long i = 0; i < n; i++) {
                sb.append(inline(v.getArrayElement(i), 0)).append('\n');
            }
            return sb.toString().stripTrailing();
        }
        List<String> header = new ArrayList<>(cols);
        List<List<String>> rows = new ArrayList<>();
        for (long i = 0; i < n && i < MAX_ROWS; i++) {
            Value e = v.getArrayElement(i);
            List<String> row = new ArrayList<>();
            for (String c : header) {
                row.add(cell(e.hasMember(c) ? e.getMember(c) : null));
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        appendRow(sb, rule, width);
        for (List<String> r : rows) {
            appendRow(sb, r, width);
        }
        if (n > MAX_ROWS) {
            sb.append("... ").append(n - MAX_ROWS).append(" more rows (use --json for all)\n");
        }
        sb.append("(").append(n).append(n == 1 ? " row)" : " rows)");
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(String.format("%-" + width[c] + "s", cells.get(c)));
            if (c < cells.size() - 1) {
                line.append("  ");
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(Value v) {
        String s = v == null || v.isNull() ? "" : v.isString() ? v.asString() : inline(v, 0);
        s = s.replace("\n", "\\n");
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    private static String object(Value v) {
        Set<String> keys = v.getMemberKeys();
        if (keys.isEmpty()) {
            return "{}";
        }
        int w = 0;
        for (String k : keys) {
            w = Math.max(w, k.length());
        }
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            Value m = v.getMember(k);
            String text = m.isString() ? m.asString() : inline(m, 0);
            if (m.isString() && text.contains("\n")) {
                sb.append(k).append(":\n");
                for (String line : text.split("\n", -1)) {
                    sb.append("    ").append(line).append('\n');
                }
                continue;
            }
            sb.append(String.format("%-" + w + "s  %s%n", k, text));
        }
        return sb.toString().stripTrailing();
    }

    /** Compact one-line form of any value. */
    static String inline(Value v, int depth) {
        if (v == null || v.isNull()) {
            return v == null ? "null" : v.toString();
        }
        if (v.isString()) {
            return depth == 0 ? v.asString() : quote(v.asString());
        }
        if (v.isBoolean() || v.isNumber()) {
            return v.toString();
        }
        if (depth > 4) {
            return "…";
        }
        if (v.hasArrayElements() && !v.isProxyObject()) {
            StringBuilder sb = new StringBuilder("[");
            for (long i = 0; i < v.getArraySize(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(inline(v.getArrayElement(i), depth + 1));
            }
            return sb.append(']').toString();
        }
        if (isPlainObject(v)) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (String k : v.getMemberKeys()) {
                sb.append(first ? "" : ", ").append(k).append(": ").append(inline(v.getMember(k), depth + 1));
                first = false;
            }
            return sb.append('}').toString();
        }
        return v.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
