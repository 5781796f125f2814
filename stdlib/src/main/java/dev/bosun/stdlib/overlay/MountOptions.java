package dev.bosun.stdlib.overlay;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The overlay mount options a caller may add. The layer options ({@code lowerdir}, {@code upperdir},
 * {@code workdir}, ...) always come from the overlay's own layout: letting them through would let a
 * script mount any directory of the host as an upper layer. Each entry is one option, so commas
 * (which would start another option) and a second {@code =} are refused too.
 */
final class MountOptions {
    /** Options with a value, and the values the kernel accepts. */
    private static final Map<String, Set<String>> VALUED = new TreeMap<>(Map.of(
            "index", Set.of("on", "off"),
            "redirect_dir", Set.of("on", "off", "follow", "nofollow"),
            "metacopy", Set.of("on", "off"),
            "xino", Set.of("on", "off", "auto"),
            "nfs_export", Set.of("on", "off"),
            "uuid", Set.of("on", "off", "null", "auto"),
            "verity", Set.of("on", "off", "require")));
    /** Flags: overlay's own plus the generic VFS flags mount(8) understands. */
    private static final Set<String> FLAGS = Set.of("volatile", "userxattr", "nosuid", "nodev", "noexec",
            "noatime", "nodiratime", "relatime");
    /** Set from the layout or from {@code readOnly}; named so the message can say why. */
    private static final Set<String> RESERVED = Set.of("lowerdir", "upperdir", "workdir", "lowerdir+", "datadir+",
            "default_permissions", "ro", "rw");
    private static final Pattern SHAPE = Pattern.compile("([a-z_]+\\+?)(?:=([a-z0-9]+))?");

    private MountOptions() {
    }

    /** The options, checked; each is one {@code key} or {@code key=value}. */
    static List<String> check(List<String> options) {
        if (options == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String o : options) {
            if (o == null || o.isEmpty()) {
                throw new InvalidValueException("options", "entries must not be empty");
            }
            if (o.indexOf(',') >= 0) {
                throw new InvalidValueException("options", Check.quote(o)
                        + " must be a single option (no ','): give each option as its own list entry");
            }
            Matcher m = SHAPE.matcher(o);
            if (!m.matches()) {
                throw new InvalidValueException("options", Check.quote(o)
                        + " must be 'key' or 'key=value' with lower-case letters, digits and '_' (one '=' at most)");
            }
            String key = m.group(1);
            String value = m.group(2);
            if (RESERVED.contains(key)) {
                throw new InvalidValueException("options", Check.quote(o) + " is not allowed: "
                        + (key.equals("ro") || key.equals("rw") ? "use {readOnly: true|false}"
                        : key + " is set by overlay.mount from the overlay's own layout"));
            }
            if (VALUED.containsKey(key)) {
                if (value == null || !VALUED.get(key).contains(value)) {
                    throw new InvalidValueException("options", Check.quote(o) + " must be " + key + "=<"
                            + String.join("|", new java.util.TreeSet<>(VALUED.get(key))) + ">");
                }
            } else if (FLAGS.contains(key)) {
                if (value != null) {
                    throw new InvalidValueException("options", Check.quote(o) + " is a flag and takes no value: " + key);
                }
            } else {
                throw new InvalidValueException("options", Check.quote(o) + " is not an allowed option; allowed: "
                        + String.join(", ", VALUED.keySet()) + " (with a value), "
                        + String.join(", ", new java.util.TreeSet<>(FLAGS)));
            }
            if (!keys.add(key)) {
                throw new InvalidValueException("options", Check.quote(o) + " is given twice");
            }
            out.add(o);
        }
        return List.copyOf(out);
    }

    /**
     * A real path that goes into an option value. Overlay separates options with {@code ,} and lower
     * layers with {@code :}; mount(8) and the kernel would split a path containing them, so such paths
     * are refused rather than escaped.
     */
    static String checkLayerPath(String param, String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ',' || c == ':' || c == '\\' || c == '=' || Character.isWhitespace(c) || c < 0x20) {
                throw new InvalidValueException(param, Check.quote(path)
                        + " must not contain ',', ':', '=', '\\\\' or white space (they would split the overlay mount options)");
            }
        }
        return path;
    }
}
