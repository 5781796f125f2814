package dev.bosun.stdlib.quadlet.generate;

import java.util.List;

/**
 * Writes words as Podman writes them into {@code Exec*=} lines and escaped values: a word is written bare
 * unless it holds a blank, a control character, a quote or a backslash; then it is put in double quotes
 * with C escapes ({@code \x20} for a space, {@code \"}, {@code \\}, {@code \n}, {@code \xHH}). A single
 * quote only forces the double quotes. Non-ASCII text is written as it is. systemd's Exec= splitting
 * reads every such line back into the same words.
 */
final class ExecEscape {
    private ExecEscape() {
    }

    /** {@code escapeWords}: the words joined by single spaces, each escaped as needed. */
    static String words(List<String> words, boolean escapeBlanks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i != 0) {
                out.append(' ');
            }
            String w = words.get(i);
            if (needsEscape(w)) {
                appendQuoted(out, w, escapeBlanks);
            } else {
                out.append(w);
            }
        }
        return out.toString();
    }

    static boolean needsEscape(String word) {
        return word.codePoints().anyMatch(ExecEscape::charNeedsEscape);
    }

    static String quoted(String word, boolean escapeBlanks) {
        StringBuilder out = new StringBuilder(word.length() + 8);
        appendQuoted(out, word, escapeBlanks);
        return out.toString();
    }

    private static boolean charNeedsEscape(int c) {
        if (c > 128) {
            return false;
        }
        return c == ' ' || (c >= '\t' && c <= '\r') || c < 0x20 || c == 0x7f || c == 0x80 || c == '"' || c == '\''
                || c == '\\';
    }

    /** {@code escapeBlanks}: Podman 5.6 and later write a blank as {@code \x20}, earlier ones as a blank. */
    private static void appendQuoted(StringBuilder out, String word, boolean escapeBlanks) {
        out.append('"');
        word.codePoints().forEach(c -> {
            if (!charNeedsEscape(c)) {
                out.appendCodePoint(c);
                return;
            }
            switch (c) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '\\' -> out.append("\\\\");
                case ' ' -> out.append(escapeBlanks ? "\\x20" : " ");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append('\'');
                default -> out.append(String.format("\\x%02x", c));
            }
        });
        out.append('"');
    }
}
