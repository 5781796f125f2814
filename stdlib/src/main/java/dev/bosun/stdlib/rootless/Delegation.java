package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.Fs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cgroup controllers systemd delegates to a user's manager, as {@code user@.service} and its drop-ins configure
 * them ({@code Delegate=} in {@code [Service]}): read when the manager is not running, so its cgroup cannot be
 * asked. The unit file from the first directory that has it, then every drop-in ({@code user@.service.d} and the
 * instance's {@code user@UID.service.d}) in file-name order, a name in a higher directory hiding the same name
 * below, as systemd loads them.
 *
 * @param controllers the delegated controllers; {@link #ALL} for {@code Delegate=yes}
 * @param sources     the files that set {@code Delegate=}, in the order they were applied
 */
record Delegation(Set<String> controllers, List<String> sources) {
    /** What {@code Delegate=yes} means: every controller the parent has. */
    static final Set<String> ALL = Set.of("*");

    private static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");

    static Delegation read(Fs fs, long uid) {
        String unitFile = null;
        for (String dir : UNIT_DIRS) {
            if (exists(fs, Fs.join(dir, "user@.service"))) {
                unitFile = Fs.join(dir, "user@.service");
                break;
            }
        }
        Map<String, String> dropIns = new TreeMap<>();
        for (String unit : List.of("user@.service.d", "user@" + uid + ".service.d")) {
            for (String dir : UNIT_DIRS) {
                for (String name : list(fs, Fs.join(dir, unit))) {
                    if (name.endsWith(".conf")) {
                        dropIns.putIfAbsent(name, Fs.join(Fs.join(dir, unit), name));
                    }
                }
            }
        }
        List<String> files = new ArrayList<>();
        if (unitFile != null) {
            files.add(unitFile);
        }
        files.addAll(dropIns.values());
        Set<String> controllers = new LinkedHashSet<>();
        List<String> sources = new ArrayList<>();
        for (String file : files) {
            SmallFile f = SmallFile.read(fs, file);
            if (f.present() && apply(f.text(), controllers)) {
                sources.add(file);
            }
        }
        return new Delegation(controllers.contains("*") ? ALL : Collections.unmodifiableSet(controllers), sources);
    }

    /** Applies the {@code Delegate=} lines of one unit file's {@code [Service]} section; true when it had one. */
    static boolean apply(String unit, Set<String> controllers) {
        boolean inService = false;
        boolean found = false;
        for (String raw : unit.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inService = line.equals("[Service]");
                continue;
            }
            if (!inService || !line.startsWith("Delegate=")) {
                continue;
            }
            found = true;
            String value = line.substring("Delegate=".length()).strip();
            switch (value) {
                case "yes", "true", "on", "1" -> {
                    controllers.clear();
                    controllers.add("*");
                }
                case "", "no", "false", "off", "0" -> controllers.clear();
                default -> {
                    for (String c : value.split("\\s+")) {
                        controllers.add(c);
                    }
                }
            }
        }
        return found;
    }

    /** True when the controller is delegated. */
    boolean delegates(String controller) {
        return controllers.contains("*") || controllers.contains(controller);
    }

    private static boolean exists(Fs fs, String path) {
        try {
            return fs.exists(path);
        } catch (BosunException e) {
            return false;
        }
    }

    private static List<String> list(Fs fs, String dir) {
        try {
            return fs.list(dir);
        } catch (BosunException e) {
            return List.of();
        }
    }
}
