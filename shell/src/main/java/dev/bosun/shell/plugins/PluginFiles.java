package dev.bosun.shell.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One plugin as it sits in a plugin root, found the way PF4J looks (names starting with a dot are
 * skipped): a plugin jar, a plugin zip (PF4J unpacks it into a directory of the same name beside it and
 * loads that), or an unpacked plugin directory.
 *
 * @param source what PF4J loads: the jar, or the (possibly not yet unpacked) directory
 * @param zip    the zip the directory comes from, or null
 */
record PluginFiles(Path source, Path zip) {
    /** Every plugin in {@code root}, by name; an unreadable root is an IOException. */
    static List<PluginFiles> list(Path root) throws IOException {
        Map<String, PluginFiles> found = new LinkedHashMap<>();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            ds.forEach(entries::add);
        }
        entries.sort(null);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(".")) {
                continue;
            }
            if (lower.endsWith(".zip") && Files.isRegularFile(p)) {
                Path dir = p.resolveSibling(name.substring(0, name.length() - 4));
                found.put(dir.getFileName().toString(), new PluginFiles(dir, p));
            } else if (lower.endsWith(".jar") && Files.isRegularFile(p)) {
                found.putIfAbsent(name, new PluginFiles(p, null));
            } else if (Files.isDirectory(p)) {
                found.putIfAbsent(name, new PluginFiles(p, null));
            }
        }
        return List.copyOf(found.values());
    }

    /** What a message names: the zip when there is one, else the source. */
    Path shown() {
        return zip != null ? zip : source;
    }

    /** Every file that makes up the plugin and exists: the zip and the directory unpacked from it, or the source. */
    List<Path> existing() {
        List<Path> out = new ArrayList<>();
        if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            out.add(source);
        }
        if (zip != null) {
            out.add(zip);
        }
        return out;
    }
}
