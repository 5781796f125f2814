package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The directories a unit's drop-ins ({@code *.conf}) are read from, most specific first
 * ({@code GetUnitDropinPaths}): {@code web-db@blue.container.d}, the template's {@code web-db@.container.d},
 * the dash-truncated {@code web-@.container.d} and {@code web-.container.d}, and the type-wide
 * {@code container.d}. Each is looked for in every unit directory.
 */
final class DropInDirs {
    private DropInDirs() {
    }

    static List<String> of(String fileName, GeneratorRelease release) {
        List<String> dirs = new ArrayList<>();
        if (!release.hasDropIns()) {
            return dirs;
        }
        String ext = GoPaths.ext(fileName);
        String base = fileName.substring(0, fileName.length() - ext.length());
        int at = base.indexOf('@');
        String unitName = at < 0 ? base : base.substring(0, at);
        String instance = at < 0 ? "" : base.substring(at + 1);
        boolean template = at >= 0;
        String dropInExt = ext + ".d";
        if (release.hasWideDropIns()) {
            dirs.add(dropInExt.substring(1));
            String[] parts = unitName.split("-", -1);
            for (int i = 0; i < parts.length - 1; i++) {
                String truncated = String.join("-", java.util.Arrays.copyOf(parts, i + 1)) + "-";
                dirs.add(truncated + dropInExt);
                if (template) {
                    dirs.add(truncated + "@" + dropInExt);
                }
            }
        }
        if (!instance.isEmpty()) {
            dirs.add(unitName + "@" + dropInExt);
        }
        dirs.add(fileName + ".d");
        Collections.reverse(dirs);
        return dirs;
    }
}
