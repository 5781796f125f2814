package dev.bosun.stdlib.users;

import dev.bosun.api.Fs;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The root's {@code etc/login.defs}, read the way shadow-utils' {@code def_load} reads it: one
 * {@code NAME value} per line, {@code #} comments, quotes stripped, the last occurrence of a key wins.
 * Numbers use {@link ShadowNumber}; a value shadow cannot parse falls back to the default, as in
 * {@code getdef_ulong}.
 */
public final class LoginDefs {
    public static final String PATH = "/etc/login.defs";

    private final Map<String, String> values;

    private LoginDefs(Map<String, String> values) {
        this.values = values;
    }

    /** The root's login.defs; absent means every key takes its default. */
    public static LoginDefs read(Fs fs) {
        String text = fs.readIfExists(PATH);
        return parse(text == null ? "" : text);
    }

    public static LoginDefs parse(String text) {
        Map<String, String> m = new HashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.stripTrailing();
            int start = 0;
            while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                start++;
            }
            if (start == line.length() || line.charAt(start) == '#') {
                continue;
            }
            int end = start;
            while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                end++;
            }
            if (end == line.length()) {
                continue; // a name without a value is ignored by shadow too
            }
            int v = end;
            while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t' || line.charAt(v) == '"')) {
                v++;
            }
            int q = line.indexOf('"', v);
            m.put(line.substring(start, end), line.substring(v, q < 0 ? line.length() : q));
        }
        return new LoginDefs(m);
    }

    /** The text value, or null when the key is absent. */
    public String get(String key) {
        return values.get(key);
    }

    /** An unsigned number, or {@code dflt} when the key is absent or unparsable. */
    public long number(String key, long dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        OptionalLong n = ShadowNumber.parse(v);
        return n.isPresent() ? n.getAsLong() : dflt;
    }

    public long uidMin() {
        return number("UID_MIN", 1000);
    }

    public long uidMax() {
        return number("UID_MAX", 60000);
    }

    public long gidMin() {
        return number("GID_MIN", 1000);
    }

    public long gidMax() {
        return number("GID_MAX", 60000);
    }
}
