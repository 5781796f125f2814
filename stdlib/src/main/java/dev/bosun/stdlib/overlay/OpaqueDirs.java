package dev.bosun.stdlib.overlay;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Directories of the merged tree whose lower content is hidden. The rules are sdme's: not empty,
 * absolute, no {@code ..}; trailing and repeated slashes and {@code .} segments are normalised away
 * and duplicates are found after that ({@code /var} and {@code /var/} are one directory).
 */
final class OpaqueDirs {
    private OpaqueDirs() {
    }

    static List<String> normalise(List<String> dirs) {
        if (dirs == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : dirs) {
            String dir = normaliseOne(raw);
            if (!seen.add(dir)) {
                throw new InvalidValueException("opaque", "contains a duplicate directory: " + dir
                        + " (given as " + Check.quote(raw) + ")");
            }
        }
        return List.copyOf(seen);
    }

    static String normaliseOne(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException("opaque", "entries must not be empty");
        }
        Check.singleLine("opaque", raw);
        if (!raw.startsWith("/")) {
            throw new InvalidValueException("opaque", Check.quote(raw) + " must be an absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String seg : raw.split("/")) {
            if (seg.equals("..")) {
                throw new InvalidValueException("opaque", Check.quote(raw) + " must not contain '..'");
            }
            if (!seg.isEmpty() && !seg.equals(".")) {
                parts.add(seg);
            }
        }
        if (parts.isEmpty()) {
            // The root of the merged tree is the upper directory itself; marking it opaque would hide
            // every lower layer, which is what a plain empty directory does better.
            throw new InvalidValueException("opaque", Check.quote(raw) + " must name a directory below '/'");
        }
        return "/" + String.join("/", parts);
    }
}
