package dev.bosun.stdlib.overlay;

import dev.bosun.api.Check;

import java.util.regex.Pattern;

/**
 * sdme's name rule: a lower-case letter, then up to 63 of {@code [a-z0-9-]}. The name becomes a
 * directory under {@code DATADIR/overlays/}, so this is also the path-traversal guard.
 */
final class OverlayName {
    static final String RULE = "^[a-z][a-z0-9-]{0,63}$";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private OverlayName() {
    }

    static String check(String name) {
        Check.notBlank("name", name);
        return Check.matches("name", name, NAME, RULE + " (a lower-case letter, then up to 63 of a-z, 0-9, '-')");
    }
}
