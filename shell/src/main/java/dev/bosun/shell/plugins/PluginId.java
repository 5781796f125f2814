package dev.bosun.shell.plugins;

import dev.bosun.api.InvalidValueException;

import java.util.regex.Pattern;

/**
 * The rule for plugin ids. An id names the plugin's file in the user plugin directory
 * ({@code <id>.zip}) and is what {@code plugins remove} takes, so it must be a plain file name and
 * nothing else: lower-case letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
 * or digit, at most 64 characters. No {@code /}, no {@code ..} component, no NUL or control characters,
 * no absolute path can pass, and an id that passes resolves to a direct child of the directory.
 */
final class PluginId {
    /** The rule as users see it in errors and docs. */
    static final String RULE = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final Pattern PATTERN = Pattern.compile(RULE);
    /** How much of a refused value an error line quotes. */
    private static final int QUOTED_PREFIX = 64;

    private PluginId() {
    }

    /**
     * Returns {@code id} when it follows the rule; otherwise fails with one line naming where the id was
     * read ({@code plugin.properties of evil.zip}, {@code plugins remove}), the value (bounded, escaped)
     * and the rule.
     */
    static String check(String id, String where) {
        if (id == null || id.isEmpty()) {
            throw new InvalidValueException("plugin id", "(" + where + ") is missing; it must match " + RULE);
        }
        if (!PATTERN.matcher(id).matches()) {
            throw new InvalidValueException("plugin id", quote(id) + " (" + where + ") must match " + RULE
                    + ": an id is a file name in the plugin directory");
        }
        return id;
    }

    /** True when {@code id} follows the rule. */
    static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /**
     * The value in double quotes, at most {@value #QUOTED_PREFIX} characters of it, every character
     * outside printable ASCII (controls, bidi overrides, zero-width, NUL) written as {@code \\uXXXX}: an id
     * is ASCII, so anything else is worth seeing exactly.
     */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(value.length(), QUOTED_PREFIX);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append('"');
        if (value.length() > n) {
            sb.append("… (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }
}
