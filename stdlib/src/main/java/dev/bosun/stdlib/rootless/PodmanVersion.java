package dev.bosun.stdlib.rootless;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Podman version as {@code podman --version} prints it ({@code podman version 5.4.2}).
 *
 * @param major major
 * @param minor minor
 * @param patch patch, 0 when not printed
 */
record PodmanVersion(int major, int minor, int patch) implements Comparable<PodmanVersion> {
    /** Quadlet, and with it the generator that reads ~/.config/containers/systemd, arrived in Podman 4.4. */
    static final PodmanVersion QUADLET = new PodmanVersion(4, 4, 0);

    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

    /** The first x.y[.z] in the line, or null. */
    static PodmanVersion parse(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = NUMBERS.matcher(line);
        if (!m.find()) {
            return null;
        }
        return new PodmanVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    boolean hasQuadlet() {
        return compareTo(QUADLET) >= 0;
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
