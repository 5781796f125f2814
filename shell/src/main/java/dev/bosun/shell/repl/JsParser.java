package dev.bosun.shell.repl;

import dev.bosun.shell.js.Session;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line parsing for the REPL: Enter on unfinished JS (the engine's own incomplete-source check, so it
 * is exactly the language's rule) continues on the next line; for completion the word is the dotted
 * identifier path before the cursor ({@code users.ens}).
 */
final class JsParser implements Parser {
    private static final Pattern TRAILING_PATH = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*\\.?$");

    private final Session session;

    JsParser(Session session) {
        this.session = session;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && session.isIncomplete(line)) {
            throw new EOFError(-1, -1, "incomplete input", "more");
        }
        String before = line.substring(0, Math.min(cursor, line.length()));
        Matcher m = TRAILING_PATH.matcher(before);
        String word = m.find() ? m.group() : "";
        return new Line(line, cursor, word);
    }

    /** The parsed line: one word, the identifier path at the cursor. */
    private record Line(String line, int cursor, String word) implements CompletingParsedLine {
        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return word.length();
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
