package dev.bosun.stdlib.kvm;

import dev.bosun.api.Check;

import java.util.regex.Pattern;

/** The account names Bosun accepts here: what shadow-utils accepts by default, so a name never reaches argv unchecked. */
final class UserName {
    static final String RULE = "[A-Za-z_][A-Za-z0-9_.-]{0,31}";
    private static final Pattern PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");

    private UserName() {
    }

    static String check(String param, String value) {
        return Check.matches(param, value, PATTERN, RULE);
    }
}
