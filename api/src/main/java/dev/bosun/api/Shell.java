package dev.bosun.api;

import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting, used only to show commands to people; Bosun never runs a shell string. */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /** The words joined as a shell would need them typed. */
    public static String quote(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }

    /**
     * Standard input for a command line, written so that bash (and any POSIX.1-2024 shell) feeds exactly
     * {@code text}: a here-string {@code <<< WORD} when the text ends in a newline (a here-string adds that one
     * newline), {@code < <(printf %s WORD)} when it does not, {@code < /dev/null} when it is empty. The word is
     * single-quoted, or {@code $'...'} with backslash escapes when the text has line breaks or other control
     * characters, so the whole input stays on the command's one line.
     */
    public static String stdin(String text) {
        if (text.isEmpty()) {
            return "< /dev/null";
        }
        if (text.endsWith("\n")) {
            return "<<< " + quoteText(text.substring(0, text.length() - 1));
        }
        return "< <(printf %s " + quoteText(text) + ")";
    }

    /** A word that may hold control characters: {@link #quote(String)}, or {@code $'...'} when it has any. */
    public static String quoteText(String text) {
        boolean control = false;
        for (int i = 0; i < text.length() && !control; i++) {
            char c = text.charAt(i);
            control = c < 0x20 || c == 0x7f;
        }
        if (!control) {
            return quote(text);
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append("$'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c)); // exactly two digits: bash reads at most two
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }

    /** One word, single-quoted when it contains anything a shell would interpret. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
