package dev.bosun.stdlib.quadlet.corpus;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp.MatchString}: an RE2 expression matched anywhere in the text (find, not match). Java's
 * syntax is a superset for what the corpus uses; the two differences that matter for single-line use are
 * bridged: {@code .} excludes only {@code \n} (UNIX_LINES), and {@code $} outside a class means the very end
 * of the text ({@code \z}), where Java would also match before a final newline.
 */
final class Re2 {
    private Re2() {
    }

    /** True when the expression compiles and matches somewhere in the text; a bad expression is no match. */
    static boolean find(String regex, String text) {
        Pattern p;
        try {
            p = Pattern.compile(translate(regex), Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            return false;
        }
        return p.matcher(text).find();
    }

    static String translate(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    out.append("[\\]");
                    i++;
                    continue;
                }
            } else if (c == '$') {
                out.append("\\z");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
