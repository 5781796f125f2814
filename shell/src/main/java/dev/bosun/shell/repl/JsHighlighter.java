package dev.bosun.shell.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Syntax colours for the input line; one regex pass per keystroke, linear in the line length. */
final class JsHighlighter implements Highlighter {
    private static final Pattern TOKEN = Pattern.compile(
            "(?<str>\"(?:\\\\.|[^\"\\\\])*\"?|'(?:\\\\.|[^'\\\\])*'?|`(?:\\\\.|[^`\\\\])*`?)"
                    + "|(?<com>//.*)"
                    + "|(?<num>\\b\\d[\\d_]*(?:\\.\\d+)?(?:e[+-]?\\d+)?\\b|\\b0x[0-9a-fA-F]+\\b)"
                    + "|(?<id>[A-Za-z_$][\\w$]*)");
    private static final Set<String> KEYWORDS = Set.of("const", "let", "var", "function", "return", "if", "else",
            "for", "while", "do", "break", "continue", "new", "typeof", "instanceof", "in", "of", "await", "async",
            "try", "catch", "finally", "throw", "class", "extends", "import", "export", "from", "true", "false",
            "null", "undefined", "this", "switch", "case", "default", "delete", "void", "yield");

    private final Set<String> modules;

    JsHighlighter(Set<String> modules) {
        this.modules = modules;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        Matcher m = TOKEN.matcher(buffer);
        int last = 0;
        while (m.find()) {
            sb.append(buffer, last, m.start());
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (m.group("str") != null) {
                style = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            } else if (m.group("com") != null) {
                style = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint();
            } else if (m.group("num") != null) {
                style = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            } else if (KEYWORDS.contains(m.group("id"))) {
                style = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
            } else if (modules.contains(m.group("id"))) {
                style = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            }
            sb.styled(style, m.group());
            last = m.end();
        }
        sb.append(buffer.substring(last));
        return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // Errors are reported after evaluation; no live error marking.
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // As above.
    }
}
