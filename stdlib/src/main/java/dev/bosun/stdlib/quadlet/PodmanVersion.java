package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Podman version to generate and validate for. The generator knows every release line from 4.4 (the first
 * with Quadlet) to 6.0-dev ({@code generate.GeneratorRelease}); a version between lines is judged by the
 * newest line not newer than it, one newer than 6.0 as 6.0.
 */
public record PodmanVersion(int major, int minor, int patch) implements Comparable<PodmanVersion> {
    public static final PodmanVersion V5_4 = new PodmanVersion(5, 4, 0);
    public static final PodmanVersion V5_8 = new PodmanVersion(5, 8, 0);
    public static final PodmanVersion V6_0 = new PodmanVersion(6, 0, 0);
    /** What the validation assumes when nothing better is known: the key table's own version. */
    public static final PodmanVersion NEWEST = V6_0;

    private static final Pattern FORM = Pattern.compile("(?:podman version )?v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?([-+~][0-9A-Za-z.+~-]*)?");

    /** Parses {@code 5.4}, {@code 5.8.2}, {@code 6.0.0-dev} or {@code podman --version} output. */
    public static PodmanVersion parse(String param, String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidValueException(param, Check.quote(text) + " must be a Podman version like 5.4, 5.8.2 or 6.0");
        }
        return new PodmanVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public String shortText() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(PodmanVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
