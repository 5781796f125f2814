package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.UnitType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of converting one Quadlet unit: the unit (drop-ins merged), the service being built from it,
 * the other units it may refer to, the options and where problems go. The small lookups every converter
 * shares live here; each value is read exactly the way Podman's generator reads that key.
 */
final class Conversion {
    final UnitDocument unit;
    final UnitType type;
    final String group;
    final UnitIndex index;
    final GeneratorOptions options;
    final GeneratorRelease release;
    final Verdict verdict;
    /** Set by {@link ServiceSkeleton#start}. */
    UnitDocument service;
    UnitInfo info;
    private boolean containersMountAdded;
    /** The podman command lines written into the service, by key. */
    private final Map<String, List<String>> argv = new LinkedHashMap<>();

    Conversion(UnitDocument unit, UnitType type, UnitIndex index, GeneratorOptions options, Verdict verdict) {
        this.unit = unit;
        this.type = type;
        this.group = type.section();
        this.index = index;
        this.options = options;
        this.release = GeneratorRelease.of(options.version());
        this.verdict = verdict;
    }

    /** An error about a key of the unit's own section (its line is looked up for findings). */
    void fail(String key, String message) {
        verdict.error(key, key == null ? null : unit.lineOf(group, key), message);
    }

    /** An error about a key of another section of the unit. */
    void fail(String section, String key, String message) {
        verdict.error(key, unit.lineOf(section, key), message);
    }

    void warn(String key, String message) {
        verdict.warning(key, key == null ? null : unit.lineOf(group, key), message);
    }

    Optional<String> lookup(String key) {
        return unit.lookup(group, key);
    }

    /** The key's value, or "" when absent. */
    String value(String key) {
        return unit.value(group, key);
    }

    boolean bool(String key, boolean defaultValue) {
        return unit.lookupBoolean(group, key, defaultValue);
    }

    List<String> all(String key) {
        return unit.lookupAll(group, key);
    }

    List<String> strv(String key) {
        return unit.lookupAllStrv(group, key);
    }

    List<String> args(String key) {
        return unit.lookupAllArgs(group, key);
    }

    /** {@code createBasePodmanCommand}: podman, {@code --module=} per ContainersConfModule=, then GlobalArgs=. */
    PodmanArgv command() {
        PodmanArgv argv = new PodmanArgv(options.podman(), flag -> release.joinsOption(type, flag));
        for (String m : all("ContainersConfModule")) {
            argv.add("--module=" + m);
        }
        return argv.addAll(args("GlobalArgs"));
    }

    /** {@code lookupAndAddString}: {@code flag value} for each key with a non-empty value, in the map's order. */
    void addStrings(PodmanArgv argv, Map<String, String> flags) {
        flags.forEach((key, flag) -> {
            String v = value(key);
            if (!v.isEmpty()) {
                argv.option(flag, v);
            }
        });
    }

    /** {@code lookupAndAddAllStrings}: {@code flag value} for every value of each key. */
    void addAllStrings(PodmanArgv argv, Map<String, String> flags) {
        flags.forEach((key, flag) -> all(key).forEach(v -> argv.option(flag, v)));
    }

    /** {@code lookupAndAddBoolean}: {@code --flag} or {@code --flag=false} for each key that is set. */
    void addBooleans(PodmanArgv argv, Map<String, String> flags) {
        flags.forEach((key, flag) -> unit.lookupBoolean(group, key).ifPresent(b -> argv.addBool(flag, b)));
    }

    /** {@code lookupAndAddKeyVals}: {@code flag K=V} sorted per key; values that fail to split are warnings. */
    void addKeyVals(PodmanArgv argv, Map<String, String> flags) {
        flags.forEach((key, flag) -> {
            List<String> warnings = new ArrayList<>();
            argv.addKeys(flag, unit.lookupAllKeyVal(group, key, warnings));
            if (release.warnsOnSplitErrors()) {
                warnings.forEach(w -> warn(key, w));
            }
        });
    }

    /** {@code handlePodmanArgs}: PodmanArgs= words, split like Exec=. */
    void addPodmanArgs(PodmanArgv argv) {
        argv.addAll(args("PodmanArgs"));
    }

    /** The words of a last-args key (Exec=, ReloadCmd=), with its split error as a warning; null when absent or unsplittable. */
    List<String> lastArgs(String key) {
        UnitDocument.LastArgs a = unit.lookupLastArgs(group, key);
        if (a.warning() != null && release.warnsOnSplitErrors()) {
            warn(key, a.warning());
        }
        return a.words();
    }

    /**
     * Adds {@code RequiresMountsFor=%t/containers} (podman needs its runtime directory) unless already there:
     * from 5.6 every service gets it first thing; before, each type added it at its own point.
     */
    void requireContainersMount() {
        if (!containersMountAdded) {
            service.add("Unit", "RequiresMountsFor", "%t/containers");
            containersMountAdded = true;
        }
    }

    /** Sets the Exec= line of the service. */
    void exec(String key, PodmanArgv command) {
        service.addCmdline("Service", key, command.words());
        argv.put(key, command.words());
    }

    Map<String, List<String>> argv() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(argv));
    }

    /**
     * {@code getAbsolutePath}: a relative path is taken relative to the unit file's directory, unless it
     * starts with a systemd specifier; a unit without a path (an in-memory unit) keeps it relative.
     */
    String absolutePath(String path) {
        if (startsWithSpecifier(path) || path.startsWith("/")) {
            return path;
        }
        String dir = unit.path().isEmpty() ? "" : GoPaths.dir(unit.path());
        return dir.isEmpty() ? GoPaths.clean(path) : GoPaths.join(dir, path);
    }

    /** A value starting with a systemd specifier such as {@code %h} (but not the literal {@code %%}). */
    static boolean startsWithSpecifier(String path) {
        return !path.isEmpty() && path.charAt(0) == '%' && !(path.length() > 1 && path.charAt(1) == '%');
    }
}
