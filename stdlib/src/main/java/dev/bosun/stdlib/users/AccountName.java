package dev.bosun.stdlib.users;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.regex.Pattern;

/**
 * The rules shadow-utils applies by default to user and group names ({@code is_valid_user_name} without
 * relaxed mode), plus the field rules of the colon-separated account files.
 */
public final class AccountName {
    public static final String RULE = "[a-z_][a-z0-9_-]*[$]? (at most 32 characters)";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]*\\$?");
    public static final long MAX_ID = 4294967294L; // (uid_t) -1 means "no id" to the kernel

    private AccountName() {
    }

    /** A user or group name; fails naming {@code param}. */
    public static String check(String param, String value) {
        Check.present(param, value);
        if (value.length() > 32 || !NAME.matcher(value).matches()) {
            throw new InvalidValueException(param, Check.quote(value) + " must match " + RULE);
        }
        return value;
    }

    /** A free-text field of an account file: no {@code :}, newline or NUL, which would split or end the line. */
    public static String field(String param, String value) {
        if (value == null) {
            return null;
        }
        Check.singleLine(param, value);
        if (value.indexOf(':') >= 0) {
            throw new InvalidValueException(param, Check.quote(value) + " must not contain ':'");
        }
        return value;
    }

    /** An absolute path stored in an account file (home, shell). */
    public static String path(String param, String value) {
        if (value == null) {
            return null;
        }
        field(param, value);
        return Check.absolutePath(param, value);
    }

    /** A numeric user or group id. */
    public static Long id(String param, Long value) {
        if (value != null) {
            Check.range(param, value, 0, MAX_ID);
        }
        return value;
    }
}
