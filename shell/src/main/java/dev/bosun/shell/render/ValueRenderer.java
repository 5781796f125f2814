package dev.bosun.shell.render;

import dev.bosun.shell.render.ValueTree.Scalar;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results for people. An array of objects is a table, an object a key/value block, a string is printed as
 * is; nested values are nested blocks and tables, indented under their key, never one line of JS literal.
 *
 * <p>On a terminal ({@code width > 0}) tables fit the width the way nushell's do: columns shrink (widest
 * first, never below their header) and their cells wrap; a table that still cannot fit, or would wrap into
 * tall rows, is shown as one key/value block per row instead. Without a width (pipes, scripts, {@code -e})
 * nothing wraps and every table row stays one line, so the output does not depend on where it goes.
 */
public final class ValueRenderer {
    /** The width of output that is not a terminal: nothing wraps. */
    public static final int UNBOUNDED = 0;
    private static final int MAX_ROWS = 500;
    /** A shrunk column keeps at least this many columns (or its natural width, or its header's). */
    private static final int MIN_COLUMN = 10;
    /** Wrapped rows taller than this on average read better as one block per row. */
    private static final int MAX_AVERAGE_ROW_LINES = 4;
    /** A table too wide for the width is one block per row up to this many rows; beyond, its last columns go. */
    private static final int FEW_ROWS = 3;
    /** A table whose rows would wrap too tall is one block per row up to this many rows. */
    private static final int MAX_VERTICAL_ROWS = 20;
    /** Values under a key are indented by this much. */
    private static final String INDENT = "  ";

    private final int width;
    private final Palette palette;

    private ValueRenderer(int width, Palette palette) {
        this.width = width;
        this.palette = palette;
    }

    /** The text of a value for output that is not a terminal, or null when nothing is printed (undefined). */
    public static String render(Value v) {
        return render(v, UNBOUNDED, Palette.NONE);
    }

    /** The text of a value laid out for {@code width} columns ({@link #UNBOUNDED}: no limit), or null for undefined. */
    public static String render(Value v, int width, Palette palette) {
        if (v == null || v.isNull() && "undefined".equals(v.toString())) {
            return null;
        }
        return render(ValueTree.of(v), width, palette);
    }

    /** The text of plain data (see {@link ValueTree}). */
    static String render(Object tree, int width, Palette palette) {
        return new ValueRenderer(width, palette).top(tree);
    }

    private String top(Object v) {
        if (v instanceof String s) {
            return s;
        }
        List<String> lines = new ArrayList<>();
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return "(empty)";
            }
            if (isTable(list)) {
                rows(list, 0, lines);
                lines.add(palette.dim("(" + list.size() + (list.size() == 1 ? " row)" : " rows)")));
            } else {
                items(list, 0, lines);
            }
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            record(map, 0, lines, false);
        } else {
            return scalar((Scalar) v, null);
        }
        return String.join("\n", lines);
    }

    // ---- records: key/value blocks

    private void record(Map<?, ?> map, int indent, List<String> lines, boolean skipNulls) {
        // A record that carries a text (a unit file, a report) is shown as that text; its structure is one
        // property access away and only summarised, so it does not bury the text.
        boolean carriesText = map.values().stream().anyMatch(ValueRenderer::isMultiLine);
        Map<String, Object> shown = new LinkedHashMap<>();
        int keyWidth = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(skipNulls && e.getValue() == Scalar.NULL)) {
                shown.put(String.valueOf(e.getKey()), e.getValue());
                keyWidth = Math.max(keyWidth, TextWrap.width(String.valueOf(e.getKey())));
            }
        }
        Map<String, String> inline = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : shown.entrySet()) {
            String text = inlineText(e.getValue(), carriesText, valueWidth(indent, keyWidth));
            if (text != null) {
                inline.put(e.getKey(), text);
            }
        }
        int w = inline.keySet().stream().mapToInt(TextWrap::width).max().orElse(0);
        String pad = " ".repeat(indent);
        for (Map.Entry<String, String> e : inline.entrySet()) {
            Object value = shown.get(e.getKey());
            List<String> parts = width == UNBOUNDED ? List.of(e.getValue()) : TextWrap.wrap(e.getValue(), valueWidth(indent, w));
            for (int i = 0; i < parts.size(); i++) {
                String key = i == 0 ? TextWrap.pad(e.getKey(), w) : " ".repeat(w);
                lines.add(strip(pad + key + "  " + paint(e.getKey(), value, parts.get(i))));
            }
        }
        for (Map.Entry<String, Object> e : shown.entrySet()) {
            if (!inline.containsKey(e.getKey())) {
                lines.add(pad + e.getKey() + ":");
                block(e.getValue(), indent + INDENT.length(), lines);
            }
        }
    }

    private int valueWidth(int indent, int keyWidth) {
        return width == UNBOUNDED ? Integer.MAX_VALUE : Math.max(MIN_COLUMN, width - indent - keyWidth - 2);
    }

    /** A value's text on its key's line, or null when it needs a block of its own below the key. */
    private String inlineText(Object v, boolean summarise, int room) {
        if (v instanceof String s) {
            return s.contains("\n") ? null : s;
        }
        if (v instanceof Scalar s) {
            return s.text();
        }
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            if (list.stream().allMatch(ValueRenderer::isFlat)) {
                String joined = joined(list);
                if (width == UNBOUNDED || TextWrap.width(joined) <= room) {
                    return joined;
                }
            }
            return summarise ? summary(v) : null;
        }
        Map<?, ?> map = (Map<?, ?>) v;
        return map.isEmpty() ? "{}" : summarise ? summary(v) : null;
    }

    /** A nested value below its key. */
    private void block(Object v, int indent, List<String> lines) {
        String pad = " ".repeat(indent);
        if (v instanceof String s) {
            for (String line : s.split("\n", -1)) {
                for (String part : width == UNBOUNDED ? List.of(line) : TextWrap.wrap(line, width - indent)) {
                    lines.add(strip(pad + part));
                }
            }
            while (!lines.isEmpty() && lines.getLast().isBlank()) {
                lines.removeLast(); // a unit's text ends with a newline; the block does not need it
            }
        } else if (v instanceof Map<?, ?> map) {
            record(map, indent, lines, false);
        } else if (v instanceof List<?> list && isTable(list)) {
            rows(list, indent, lines);
        } else if (v instanceof List<?> list && list.stream().allMatch(ValueRenderer::isFlat)) {
            for (Object item : list) {
                String text = item instanceof String s ? s : ((Scalar) item).text();
                List<String> parts = width == UNBOUNDED ? List.of(text) : TextWrap.wrap(text, width - indent - 2);
                for (int i = 0; i < parts.size(); i++) {
                    lines.add(strip(pad + (i == 0 ? "- " : "  ") + parts.get(i)));
                }
            }
        } else if (v instanceof List<?> list) {
            items(list, indent, lines);
        } else {
            lines.add(pad + scalar((Scalar) v, null));
        }
    }

    /** A list that is not a table: one line per plain value, a numbered block per nested one. */
    private void items(List<?> list, int indent, List<String> lines) {
        String pad = " ".repeat(indent);
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                for (String line : s.split("\n", -1)) {
                    lines.add(pad + line);
                }
            } else if (item instanceof Scalar s) {
                lines.add(pad + scalar(s, null));
            } else {
                lines.add(pad + palette.dim("[" + i + "]"));
                block(item, indent + INDENT.length(), lines);
            }
        }
    }

    // ---- tables

    private static boolean isTable(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map<?, ?> m && !m.isEmpty());
    }

    private void rows(List<?> list, int indent, List<String> lines) {
        int shown = Math.min(list.size(), MAX_ROWS);
        Set<String> columns = new LinkedHashSet<>();
        for (int r = 0; r < shown; r++) {
            for (Object k : ((Map<?, ?>) list.get(r)).keySet()) {
                columns.add(String.valueOf(k));
            }
        }
        List<String> header = new ArrayList<>(columns);
        if (width != UNBOUNDED && naturalWidth(list, shown, header) > width - indent) {
            // Short of room, a column empty in every row is the first to go: it shows nothing but its name.
            header.removeIf(c -> list.stream().limit(shown).allMatch(r -> cellText(((Map<?, ?>) r).get(c)).isEmpty()));
        }
        String[][] cells = new String[shown][header.size()];
        int[] natural = new int[header.size()];
        int[] minimum = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            natural[c] = TextWrap.width(header.get(c));
            for (int r = 0; r < shown; r++) {
                Map<?, ?> row = (Map<?, ?>) list.get(r);
                cells[r][c] = row.containsKey(header.get(c)) ? cellText(row.get(header.get(c))) : "";
                natural[c] = Math.max(natural[c], TextWrap.maxLineWidth(cells[r][c]));
            }
            minimum[c] = Math.max(TextWrap.width(header.get(c)), Math.min(natural[c], MIN_COLUMN));
        }
        int[] widths = width == UNBOUNDED ? natural : TableLayout.fit(natural, minimum, width - indent);
        List<List<List<String>>> wrapped = widths == null ? null : wrap(cells, widths);
        boolean fits = wrapped != null && wrapped.stream().mapToInt(ValueRenderer::height).sum()
                <= MAX_AVERAGE_ROW_LINES * shown;
        List<String> hidden = List.of();
        if (widths == null ? shown <= FEW_ROWS : !fits && shown <= MAX_VERTICAL_ROWS) {
            vertical(list, shown, indent, lines);
        } else {
            if (widths == null) {
                // Many rows and too many columns: the last columns go (nushell's way), and a line says which.
                // The first columns stay unwrapped when at least two of them fit so; else as many as fit shrunk.
                int keep = prefixThatFits(natural, natural, width - indent);
                if (keep < 2) {
                    keep = Math.max(1, prefixThatFits(natural, minimum, width - indent));
                }
                hidden = header.subList(keep, header.size());
                header = header.subList(0, keep);
                widths = TableLayout.fit(Arrays.copyOf(natural, keep), Arrays.copyOf(minimum, keep), width - indent);
                if (widths == null) {
                    widths = new int[] {Math.max(1, width - indent)}; // one column: it gets the whole width
                }
                String[][] kept = new String[shown][];
                for (int r = 0; r < shown; r++) {
                    kept[r] = Arrays.copyOf(cells[r], keep);
                }
                wrapped = wrap(kept, widths);
            }
            table(list, header, widths, wrapped, indent, lines);
        }
        if (list.size() > MAX_ROWS) {
            lines.add(" ".repeat(indent) + palette.dim("... " + (list.size() - MAX_ROWS) + " more rows (use --json for all)"));
        }
        if (!hidden.isEmpty()) {
            String note = "(not shown for want of width: " + String.join(", ", hidden) + "; index a row, e.g. [0], "
                    + "to see all of its fields)";
            for (String part : TextWrap.wrap(note, width - indent)) {
                lines.add(" ".repeat(indent) + palette.dim(part));
            }
        }
    }

    /** The table itself: header, rule, and each row's wrapped cells side by side. */
    private void table(List<?> list, List<String> header, int[] widths, List<List<List<String>>> wrapped, int indent,
                       List<String> lines) {
        String pad = " ".repeat(indent);
        List<String> rule = new ArrayList<>();
        StringBuilder head = new StringBuilder(pad);
        for (int c = 0; c < header.size(); c++) {
            head.append(c == 0 ? "" : TableLayout.SEPARATOR).append(palette.bold(header.get(c)))
                    .append(" ".repeat(Math.max(0, widths[c] - TextWrap.width(header.get(c)))));
            rule.add("-".repeat(widths[c]));
        }
        lines.add(strip(head.toString()));
        lines.add(pad + palette.dim(String.join(TableLayout.SEPARATOR, rule)));
        for (int r = 0; r < wrapped.size(); r++) {
            Map<?, ?> row = (Map<?, ?>) list.get(r);
            List<List<String>> parts = wrapped.get(r);
            for (int line = 0; line < height(parts); line++) {
                StringBuilder sb = new StringBuilder(pad);
                for (int c = 0; c < header.size(); c++) {
                    String part = line < parts.get(c).size() ? parts.get(c).get(line) : "";
                    sb.append(c == 0 ? "" : TableLayout.SEPARATOR)
                            .append(paint(header.get(c), row.get(header.get(c)), part))
                            .append(" ".repeat(Math.max(0, widths[c] - TextWrap.width(part))));
                }
                lines.add(strip(sb.toString()));
            }
        }
    }

    /** How many of the first columns fit the width at the given widths (0: not even the first). */
    private static int prefixThatFits(int[] natural, int[] widths, int available) {
        int keep = 0;
        while (keep < widths.length && TableLayout.fit(Arrays.copyOf(natural, keep + 1), Arrays.copyOf(widths, keep + 1),
                available) != null) {
            keep++;
        }
        return keep;
    }

    /** The width the table takes unwrapped, separators included. */
    private int naturalWidth(List<?> list, int shown, List<String> header) {
        int total = TableLayout.SEPARATOR.length() * Math.max(0, header.size() - 1);
        for (String c : header) {
            int w = TextWrap.width(c);
            for (int r = 0; r < shown; r++) {
                w = Math.max(w, TextWrap.maxLineWidth(cellText(((Map<?, ?>) list.get(r)).get(c))));
            }
            total += w;
        }
        return total;
    }

    private List<List<List<String>>> wrap(String[][] cells, int[] widths) {
        List<List<List<String>>> out = new ArrayList<>();
        for (String[] row : cells) {
            List<List<String>> r = new ArrayList<>();
            for (int c = 0; c < row.length; c++) {
                r.add(width == UNBOUNDED ? List.of(row[c]) : TextWrap.wrap(row[c], widths[c]));
            }
            out.add(r);
        }
        return out;
    }

    private static int height(List<List<String>> row) {
        return row.stream().mapToInt(List::size).max().orElse(1);
    }

    /** The table too narrow for its columns: each row as a block of its own, nulls left out. */
    private void vertical(List<?> list, int shown, int indent, List<String> lines) {
        for (int r = 0; r < shown; r++) {
            lines.add(" ".repeat(indent) + palette.dim("[" + r + "]"));
            record((Map<?, ?>) list.get(r), indent + INDENT.length(), lines, true);
        }
    }

    /** A value in a table cell: text, or a summary of what is nested (the row itself holds it). */
    private String cellText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return width == UNBOUNDED ? s.replace("\n", "\\n") : s;
        }
        if (v instanceof Scalar s) {
            return s == Scalar.NULL ? "" : s.text();
        }
        if (v instanceof List<?> list && list.stream().allMatch(ValueRenderer::isFlat)) {
            return list.isEmpty() ? "[]" : cellText(joined(list));
        }
        return v instanceof Map<?, ?> m && m.isEmpty() ? "{}" : summary(v);
    }

    // ---- small parts

    /** nushell's words for a nested value in one line: [table 3 rows], [list 2 items], {record 5 fields}. */
    private static String summary(Object v) {
        if (v instanceof Map<?, ?> m) {
            return "{record " + m.size() + (m.size() == 1 ? " field}" : " fields}");
        }
        List<?> list = (List<?>) v;
        String noun = isTable(list) ? "table " + list.size() + (list.size() == 1 ? " row" : " rows")
                : "list " + list.size() + (list.size() == 1 ? " item" : " items");
        return "[" + noun + "]";
    }

    private static boolean isFlat(Object v) {
        return v instanceof Scalar || v instanceof String s && !s.contains("\n");
    }

    private static boolean isMultiLine(Object v) {
        return v instanceof String s && s.strip().contains("\n");
    }

    private static String joined(List<?> list) {
        List<String> parts = new ArrayList<>();
        for (Object item : list) {
            parts.add(item instanceof String s ? s : ((Scalar) item).text());
        }
        return String.join(", ", parts);
    }

    private String scalar(Scalar s, String key) {
        return s.kind() == Scalar.Kind.BOOLEAN && "ok".equals(key) ? palette.verdict(s.text(), s.text().equals("true"))
                : s.kind() == Scalar.Kind.NULL ? palette.dim(s.text()) : s.text();
    }

    /** The colour of one line of a value: status words, and the verdict of an ok field. */
    private String paint(String key, Object value, String line) {
        if (line.isEmpty()) {
            return line;
        }
        if (value instanceof String s && s.equals(line)) {
            return palette.status(line);
        }
        if (value instanceof Scalar s && s.text().equals(line)) {
            return scalar(s, key);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> list && !list.stream().allMatch(ValueRenderer::isFlat)) {
            return palette.dim(line); // a summary of what is nested
        }
        return line;
    }

    private static String strip(String line) {
        return line.stripTrailing();
    }
}
