package dev.bosun.shell.render;

import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminal text measure and wrapping: widths in columns (a CJK character takes two, a combining mark none),
 * lines broken at spaces, else after a path or list separator, else hard at the width.
 */
final class TextWrap {
    private TextWrap() {
    }

    /** Columns the text takes on a terminal. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The widest line of a text that may hold newlines. */
    static int maxLineWidth(String s) {
        int w = 0;
        for (String line : s.split("\n", -1)) {
            w = Math.max(w, width(line));
        }
        return w;
    }

    /** The text padded with spaces to {@code columns}. */
    static String pad(String s, int columns) {
        int w = width(s);
        return w >= columns ? s : s + " ".repeat(columns - w);
    }

    /** The text's lines, each at most {@code columns} wide; newlines in the text always start a line. */
    static List<String> wrap(String s, int columns) {
        List<String> out = new ArrayList<>();
        for (String paragraph : s.split("\n", -1)) {
            wrapLine(paragraph, Math.max(1, columns), out);
        }
        return out;
    }

    private static void wrapLine(String line, int columns, List<String> out) {
        String rest = line;
        while (width(rest) > columns) {
            int cut = fit(rest, columns);
            int space = rest.lastIndexOf(' ', cut);
            if (space > 0) {
                out.add(rest.substring(0, space).stripTrailing());
                rest = rest.substring(space + 1);
                continue;
            }
            int sep = lastSeparator(rest, cut);
            int end = sep > 0 ? sep + 1 : Math.max(cut, Character.charCount(rest.codePointAt(0)));
            out.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        out.add(rest);
    }

    /** The length of the longest prefix of {@code s} that fits {@code columns}. */
    private static int fit(String s, int columns) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > columns) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The last '/', ',', ':', '=' or '-' before {@code end} where a line may break after it. */
    private static int lastSeparator(String s, int end) {
        for (int i = Math.min(end, s.length()) - 1; i > 0; i--) {
            if ("/,:=-".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
