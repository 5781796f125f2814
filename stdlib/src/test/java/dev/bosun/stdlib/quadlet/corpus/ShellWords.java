package dev.bosun.stdlib.quadlet.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code shellwords.Parse} of github.com/mattn/go-shellwords as vendored by Podman (default options: no
 * environment, no backticks), which Podman's test harness uses to split a {@code ##} directive line: blanks
 * separate words; quotes group and are removed; a backslash outside single quotes takes the next character
 * literally, except that {@code \t} and {@code \n} give a tab and a newline; an unquoted {@code ; & | < >}
 * ends the line; an unquoted {@code (} or {@code )} (other than {@code $(...)}), an open quote or a trailing
 * backslash is an error.
 */
final class ShellWords {
    private ShellWords() {
    }

    static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException() {
            super("invalid command line string");
        }
    }

    static List<String> parse(String line) throws ParseException {
        List<String> args = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean doubleQuoted = false;
        boolean singleQuoted = false;
        boolean backQuote = false;
        boolean dollarQuote = false;
        boolean got = false;
        int[] cps = line.codePoints().toArray();
        loop:
        for (int r : cps) {
            if (escaped) {
                buf.appendCodePoint(r == 't' ? '\t' : r == 'n' ? '\n' : r);
                escaped = false;
                got = true;
                continue;
            }
            if (r == '\\') {
                if (singleQuoted) {
                    buf.append('\\');
                } else {
                    escaped = true;
                }
                continue;
            }
            if (r == ' ' || r == '\t' || r == '\r' || r == '\n') {
                if (singleQuoted || doubleQuoted || backQuote || dollarQuote) {
                    buf.appendCodePoint(r);
                } else if (got) {
                    args.add(buf.toString());
                    buf.setLength(0);
                    got = false;
                }
                continue;
            }
            switch (r) {
                case '`' -> {
                    if (!singleQuoted && !doubleQuoted && !dollarQuote) {
                        backQuote = !backQuote;
                    }
                }
                case ')' -> {
                    if (!singleQuoted && !doubleQuoted && !backQuote) {
                        if (!dollarQuote) {
                            throw new ParseException();
                        }
                        buf.append(')');
                        dollarQuote = false;
                        got = true;
                        continue;
                    }
                }
                case '(' -> {
                    if (!singleQuoted && !doubleQuoted && !backQuote) {
                        if (!dollarQuote && buf.toString().endsWith("$")) {
                            dollarQuote = true;
                            buf.append('(');
                            continue;
                        }
                        throw new ParseException();
                    }
                }
                case '"' -> {
                    if (!singleQuoted && !dollarQuote) {
                        if (doubleQuoted) {
                            got = true;
                        }
                        doubleQuoted = !doubleQuoted;
                        continue;
                    }
                }
                case '\'' -> {
                    if (!doubleQuoted && !dollarQuote) {
                        if (singleQuoted) {
                            got = true;
                        }
                        singleQuoted = !singleQuoted;
                        continue;
                    }
                }
                case ';', '&', '|', '<', '>' -> {
                    if (!(singleQuoted || doubleQuoted || backQuote || dollarQuote)) {
                        if (r == '>' && !buf.isEmpty() && buf.charAt(0) >= '0' && buf.charAt(0) <= '9') {
                            got = false;
                        }
                        break loop;
                    }
                }
                default -> {
                }
            }
            got = true;
            buf.appendCodePoint(r);
        }
        if (got) {
            args.add(buf.toString());
        }
        if (escaped || singleQuoted || doubleQuoted || backQuote || dollarQuote) {
            throw new ParseException();
        }
        return args;
    }
}
