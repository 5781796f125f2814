package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a compartment gives the host, derived from its id alone so that no two compartments can ever
 * want the same name (quadletman's pitfall 9: its compartment {@code app-1000} has the user {@code qm-app-1000},
 * which is also the helper for uid 1000 of compartment {@code app}).
 *
 * <p>The compartment's user and group are {@code qm-<id>}; the helper user (and helper group) for container ID N
 * is {@code qmh-<id>-<N>}. The two name spaces are disjoint ({@code qm-} and {@code qmh} differ in the third
 * character), and a helper name decodes to exactly one (id, N): N is the all-digit part after the last dash
 * ({@code qmh-a-1-2} is id {@code a-1}, N 2; id {@code a} would need N {@code 1-2}, which is no number).
 * The id is at most 22 characters so that the longest helper name, {@code qmh-<22>-65535}, fits shadow-utils'
 * 32 (pitfall 10: quadletman checks the id's length, not the final name's).
 */
final class CompartmentNames {
    /** Lower-case words joined by single dashes, starting with a letter. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final int ID_MAX = 22;
    static final String RULE = "[a-z][a-z0-9]*(-[a-z0-9]+)* (lower-case words joined by single dashes), at most "
            + ID_MAX + " characters, so that qmh-<id>-65535 fits the 32 characters of a user name";
    private static final Pattern HELPER = Pattern.compile("qmh-(.+)-([0-9]{1,5})");

    private CompartmentNames() {
    }

    static String checkId(String param, String id) {
        Check.present(param, id);
        if (id.length() > ID_MAX || !ID.matcher(id).matches()) {
            throw new InvalidValueException(param, Check.quote(id) + " must match " + RULE);
        }
        return id;
    }

    /** The compartment's user and group. */
    static String user(String id) {
        return "qm-" + id;
    }

    /** The helper user or group that owns container ID {@code n} (1..65535) on the host. */
    static String helper(String id, int n) {
        return "qmh-" + id + "-" + n;
    }

    /** The compartment id a helper name belongs to, or null when it is no helper name. */
    static String helperOwner(String name) {
        Matcher m = HELPER.matcher(name);
        return m.matches() ? m.group(1) : null;
    }
}
