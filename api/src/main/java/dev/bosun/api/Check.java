package dev.bosun.api;

import java.util.regex.Pattern;

/**
 * The validation rules shared by many record types, each failing with an {@link InvalidValueException}
 * that quotes the value and names the rule. Record constructors call these so that a bad value never
 * gets past construction.
 */
public final class Check {
    private Check() {
    }

    /** Fails when the value is null. */
    public static <T> T present(String param, T value) {
        if (value == null) {
            throw new InvalidValueException(param, "is required");
        }
        return value;
    }

    /** Fails when the value is null, empty or all white space. */
    public static String notBlank(String param, String value) {
        present(param, value);
        if (value.isBlank()) {
            throw new InvalidValueException(param, "must not be empty");
        }
        return value;
    }

    /** Fails when the value does not match the whole pattern; {@code rule} is shown, e.g. the regex. */
    public static String matches(String param, String value, Pattern pattern, String rule) {
        present(param, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(param, quote(value) + " must match " + rule);
        }
        return value;
    }

    /** Fails when the value is outside {@code [min, max]}. */
    public static long range(String param, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidValueException(param, value + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** Fails on characters that would break a line-oriented file: colon-free callers add their own rule. */
    public static String singleLine(String param, String value) {
        present(param, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                throw new InvalidValueException(param, quote(value) + " must not contain newlines or NUL");
            }
        }
        return value;
    }

    /** An absolute, normalised path without {@code ..} or {@code .} segments, NUL or newlines. */
    public static String absolutePath(String param, String value) {
        singleLine(param, notBlank(param, value));
        if (!value.startsWith("/")) {
            throw new InvalidValueException(param, quote(value) + " must be an absolute path");
        }
        for (String segment : value.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new InvalidValueException(param, quote(value) + " must not contain '.' or '..' segments");
            }
        }
        if (value.length() > 1 && (value.endsWith("/") || value.contains("//"))) {
            throw new InvalidValueException(param, quote(value) + " must be normalised (no trailing or double '/')");
        }
        return value;
    }

    /** Quotes a value for a message, making control characters visible so the message stays one line. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
