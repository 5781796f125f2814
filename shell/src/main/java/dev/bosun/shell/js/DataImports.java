package dev.bosun.shell.js;

/**
 * Finds {@code data:} URL imports written literally in JS source ({@code import x from "data:..."},
 * {@code export * from "data:..."}, {@code import("data:...")}). GraalJS loads a {@code data:} module itself,
 * before the file system is asked, so {@link ModuleFileSystem} cannot refuse it the way it refuses every other
 * specifier; Bosun refuses it from the source instead, before the source runs, so that scripts import only
 * {@code bosun:} modules and files beside them.
 *
 * <p>This is about keeping scripts reviewable, not a sandbox wall: a specifier computed at run time
 * ({@code import("da" + "ta:...")}) is not seen here, and loads. That gives a script nothing it does not
 * have already: a {@code data:} module is code in the script's own text, run like {@code eval} with the same
 * globals and no other access.
 *
 * <p>The scan is a small lexer: it skips comments, string, template and (where a regular expression can
 * start) regular expression literals, and looks at the string literal after the keywords {@code import}
 * and {@code from}, with its escapes decoded ({@code "\x64ata:"} is {@code "data:"} to GraalJS too).
 */
final class DataImports {
    private final String src;
    private int pos;

    private DataImports(String src) {
        this.src = src;
    }

    /** The first literal {@code data:} import specifier in the source, or null when there is none. */
    static String first(String source) {
        return new DataImports(source).scan();
    }

    private String scan() {
        boolean regexAllowed = true; // at the start of an expression, '/' begins a regular expression
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '"' || c == '\'') {
                readString(c);
                regexAllowed = false;
            } else if (c == '`') {
                skipTemplate();
                regexAllowed = false;
            } else if (c == '/' && regexAllowed) {
                skipRegex();
                regexAllowed = false;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                String word = src.substring(start, pos);
                if ((word.equals("import") || word.equals("from")) && !afterDot(start)) {
                    String specifier = specifierAfterKeyword(word.equals("import"));
                    if (specifier != null && specifier.startsWith("data:")) {
                        return specifier;
                    }
                }
                regexAllowed = KEYWORDS_BEFORE_EXPRESSION.contains(word);
                continue;
            } else {
                if (!Character.isWhitespace(c)) {
                    regexAllowed = c != ')' && c != ']' && c != '}' && !Character.isDigit(c);
                }
                pos++;
                continue;
            }
        }
        return null;
    }

    private static final java.util.Set<String> KEYWORDS_BEFORE_EXPRESSION = java.util.Set.of("return", "typeof",
            "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    /** {@code x.import} or {@code x.from} is a property name, not a keyword. */
    private boolean afterDot(int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(src.charAt(i))) {
            i--;
        }
        return i >= 0 && src.charAt(i) == '.';
    }

    /** The decoded string literal following the keyword (after an optional '(' for import), or null. */
    private String specifierAfterKeyword(boolean allowParen) {
        int save = pos;
        skipBlanksAndComments();
        if (allowParen && pos < src.length() && src.charAt(pos) == '(') {
            pos++;
            skipBlanksAndComments();
        }
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
            return readString(src.charAt(pos));
        }
        pos = save;
        return null;
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    private void skipLineComment() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int end = src.indexOf("*/", pos + 2);
        pos = end < 0 ? src.length() : end + 2;
    }

    private void skipTemplate() {
        pos++;
        while (pos < src.length() && src.charAt(pos) != '`') {
            pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private void skipRegex() {
        pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n') {
                return; // not a regular expression after all
            }
            pos++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                return;
            }
        }
    }

    /** Reads the string literal at {@code pos} (opening quote {@code q}) and returns its value. */
    private String readString(char q) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == q || c == '\n') {
                break;
            }
            if (c != '\\' || pos >= src.length()) {
                value.append(c);
                continue;
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'x' -> value.append((char) hex(2));
                case 'u' -> {
                    if (pos < src.length() && src.charAt(pos) == '{') {
                        int close = src.indexOf('}', pos);
                        int cp = close < 0 ? -1 : parseHex(src.substring(pos + 1, close));
                        pos = close < 0 ? src.length() : close + 1;
                        if (cp >= 0 && cp <= Character.MAX_CODE_POINT) {
                            value.appendCodePoint(cp);
                        }
                    } else {
                        value.append((char) hex(4));
                    }
                }
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case '\n' -> { } // a line continuation adds nothing
                default -> value.append(e);
            }
        }
        return value.toString();
    }

    private int hex(int digits) {
        int end = Math.min(pos + digits, src.length());
        int v = parseHex(src.substring(pos, end));
        pos = end;
        return Math.max(v, 0);
    }

    private static int parseHex(String s) {
        try {
            return s.isEmpty() || s.length() > 8 ? -1 : Integer.parseInt(s, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
