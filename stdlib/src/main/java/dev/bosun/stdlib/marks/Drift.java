package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

/**
 * One difference between the records and the live state.
 *
 * @param change  {@code missing} (wanted, not live), {@code unexpected} (live in Bosun's range, not wanted)
 *                or {@code different} (live, but not as wanted)
 * @param object  {@code rule}, {@code route}, {@code nft} or {@code sysctl}
 * @param key     what it is, e.g. {@code ipv4 priority 10001}
 * @param desired the wanted form, or null
 * @param actual  the live form, or null
 * @param note    why apply cannot repair it yet, or null
 */
@Doc("A difference between the records and the live state: missing, unexpected or different.")
public record Drift(String change, String object, String key, String desired, String actual, String note) {
    static final String MISSING = "missing";
    static final String UNEXPECTED = "unexpected";
    static final String DIFFERENT = "different";

    static Drift missing(String object, String key, String desired) {
        return new Drift(MISSING, object, key, desired, null, null);
    }

    static Drift unexpected(String object, String key, String actual) {
        return new Drift(UNEXPECTED, object, key, null, actual, null);
    }

    static Drift different(String object, String key, String desired, String actual) {
        return new Drift(DIFFERENT, object, key, desired, actual, null);
    }

    Drift withNote(String n) {
        return new Drift(change, object, key, desired, actual, n);
    }

    /** One line for people. */
    public String describe() {
        return change + " " + object + " " + key + (desired == null ? "" : ": want " + desired)
                + (actual == null ? "" : (desired == null ? ": " : ", have ") + actual) + (note == null ? "" : " (" + note + ")");
    }
}
