package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.UnitSyntaxException;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Finds and reads the units the way Podman's generator does: the unit directories and all their
 * subdirectories (except {@code *.d} drop-in directories), depth first in name order, each directory once;
 * the first unit of a file name wins; then each unit's drop-ins from every unit directory.
 */
public final class UnitDirScan {
    private final SourceFiles files;
    private final GeneratorRelease release;
    private final GeneratorLog log;
    private final List<String> dirs = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    /** Unit files that could not be read, by file name, with Podman's message. */
    private final Map<String, String> failures = new LinkedHashMap<>();

    public UnitDirScan(SourceFiles files, dev.bosun.stdlib.quadlet.PodmanVersion version, GeneratorLog log) {
        this.files = files;
        this.release = GeneratorRelease.of(version);
        this.log = log;
    }

    /** The directories scanned so far, in order. */
    public List<String> dirs() {
        return List.copyOf(dirs);
    }

    /**
     * {@code QUADLET_UNIT_DIRS}: colon-separated absolute directories; a relative entry is logged and ends
     * the list, as in Podman.
     */
    public UnitDirScan addFromEnvironment(String value) {
        for (String dir : value.split(":", -1)) {
            if (!dir.startsWith("/")) {
                log.info(dir + " not a valid file path");
                break;
            }
            add(dir, null);
        }
        return this;
    }

    /** {@code AppendSubPaths}: the directory and its subdirectories that {@code filter} (path, isUser) admits. */
    public UnitDirScan add(String dir, BiPredicate<String, Boolean> filter) {
        return add(dir, false, filter);
    }

    public UnitDirScan add(String dir, boolean user, BiPredicate<String, Boolean> filter) {
        String real = files.realPath(dir);
        if (real == null) {
            dirs.add(dir); // kept for the "No files parsed from" message, as Podman does
            visited.add(dir);
            return this;
        }
        if (visited.contains(real) || real.endsWith(".d") || (filter != null && !filter.test(real, user))
                || files.kind(real) != SourceFiles.Kind.DIRECTORY) {
            return this;
        }
        dirs.add(real);
        visited.add(real);
        for (String name : files.list(real)) {
            add(GoPaths.join(real, name), user, filter);
        }
        return this;
    }

    /** Reads the units of every directory (first file name wins) and their drop-ins. */
    public List<SourceUnit> load() {
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, UnitFile> parsed = new LinkedHashMap<>();
        for (String dir : dirs) {
            for (String name : files.list(dir)) {
                if (parsed.containsKey(name) || !isSupported(name)) {
                    continue;
                }
                String path = GoPaths.join(dir, name);
                log.debug("Loading source unit file " + path);
                UnitFile f = parse(path, name);
                if (f != null) {
                    paths.put(name, path);
                    parsed.put(name, f);
                    failures.remove(name);
                }
            }
        }
        List<SourceUnit> units = new ArrayList<>();
        parsed.forEach((name, f) -> units.add(new SourceUnit(name, paths.get(name), f, dropIns(name))));
        return units;
    }

    /** The unit files that could not be read (and were not found readable in a later directory), with the error. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    private boolean isSupported(String name) {
        UnitType t = UnitType.ofFileName(name);
        return t != null && GoPaths.ext(name).equals(t.extension()) && release.hasType(t);
    }

    /** The parsed file, or null after logging Podman's error (and, for a unit file, noting it as a failure). */
    private UnitFile parse(String path, String unitName) {
        String reason;
        try {
            return UnitFile.parse(files.read(path));
        } catch (UnitSyntaxException e) {
            reason = e.reason();
        } catch (UncheckedIOException e) {
            reason = e.getMessage();
        }
        String error = "error loading " + GoQuote.quote(path) + ", " + reason;
        log.error(error);
        if (unitName != null) {
            failures.putIfAbsent(unitName, error);
        }
        return null;
    }

    /** {@code loadUnitDropins}: *.conf files of the drop-in directories; a name in a more specific directory wins. */
    private List<UnitFile> dropIns(String fileName) {
        Map<String, String> byName = new TreeMap<>(PodmanArgv.GO_ORDER);
        for (String dropInDir : DropInDirs.of(fileName, release)) {
            for (String dir : dirs) {
                String d = GoPaths.join(dir, dropInDir);
                if (files.kind(d) != SourceFiles.Kind.DIRECTORY) {
                    continue;
                }
                for (String name : files.list(d)) {
                    if (GoPaths.ext(name).equals(".conf")) {
                        byName.putIfAbsent(name, GoPaths.join(d, name));
                    }
                }
            }
        }
        List<UnitFile> out = new ArrayList<>();
        byName.values().forEach(path -> {
            log.debug("Loading source drop-in file " + path);
            UnitFile f = parse(path, null);
            if (f != null) {
                out.add(f);
            }
        });
        return out;
    }
}
