package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.regex.Pattern;

/** Unit names: what systemd accepts as a unit name prefix, without escapes, path separators or a leading dot or dash. */
public final class UnitName {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_:][A-Za-z0-9_.:-]*(@[A-Za-z0-9_.:-]*)?");

    private UnitName() {
    }

    /** The name without the type's extension, checked. */
    public static String check(String param, String name, UnitType type) {
        Check.notBlank(param, name);
        String base = type != null && name.endsWith(type.extension()) ? name.substring(0, name.length() - type.extension().length()) : name;
        if (!NAME.matcher(base).matches() || base.length() > 200) {
            throw new InvalidValueException(param, Check.quote(name) + " must match " + NAME.pattern()
                    + " (at most 200 characters; no '/', no leading '.' or '-')");
        }
        return base;
    }
}
