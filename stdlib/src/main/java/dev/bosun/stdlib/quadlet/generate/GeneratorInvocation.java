package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.PodmanVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One run of the generator as Podman's {@code quadlet} binary runs (its {@code main}): find the unit
 * directories ({@code QUADLET_UNIT_DIRS}, else the system or user defaults), read the units and drop-ins,
 * convert them, and either print them ({@code -dryrun}) or write them with their links into the first output
 * directory. The caller prints stdout and the log and exits with the status.
 *
 * @param user          rootless generator ({@code -user})
 * @param dryRun        print instead of writing ({@code -dryrun})
 * @param outputDirs    output directories; only the first is written, as in Podman
 * @param environment   the environment ({@code QUADLET_UNIT_DIRS}, {@code PODMAN}, {@code XDG_RUNTIME_DIR},
 *                      {@code XDG_CONFIG_HOME}, {@code HOME})
 * @param uid           the caller's uid, for the rootless per-user directories
 * @param version       the Podman release to follow
 * @param program       what the header comment of written files names as the generator
 */
public record GeneratorInvocation(boolean user, boolean dryRun, List<String> outputDirs, Map<String, String> environment,
                                  int uid, PodmanVersion version, String program) {
    static final String ADMIN_DIR = "/etc/containers/systemd";
    static final String DISTRO_DIR = "/usr/share/containers/systemd";
    static final String TEMP_DIR = "/run/containers/systemd";

    /** What a run produced: exit status (0, or 1 when anything failed), what went to stdout, the log, the units. */
    public record Outcome(int exitStatus, String stdout, GeneratorLog log, List<GeneratedUnit> units) {
    }

    public Outcome run(SourceFiles files, Predicate<String> hostPathExists) {
        GeneratorLog log = new GeneratorLog();
        StringBuilder stdout = new StringBuilder();
        List<GeneratedUnit> generated = new ArrayList<>();
        if (!dryRun && outputDirs.isEmpty()) {
            log.error("missing output directory argument");
            return new Outcome(1, "", log, generated);
        }
        String output = dryRun ? "" : outputDirs.getFirst();
        if (!dryRun) {
            log.debug("Starting quadlet-generator, output to: " + output);
        }
        UnitDirScan scan = new UnitDirScan(files, version, log);
        String env = environment.get("QUADLET_UNIT_DIRS");
        if (env != null && !env.isEmpty()) {
            scan.addFromEnvironment(env);
        } else if (user) {
            userDirs(scan, files, log);
        } else {
            BiPredicate<String, Boolean> levels = userLevelFilter(files);
            scan.add(TEMP_DIR, levels).add(ADMIN_DIR, levels).add(DISTRO_DIR, levels);
        }
        List<SourceUnit> units = scan.load();
        if (units.isEmpty()) {
            log.debug("No files parsed from [" + String.join(" ", scan.dirs()) + "]");
            return new Outcome(log.failed() ? 1 : 0, "", log, generated);
        }
        OutputDir out = dryRun ? null : new OutputDir(Path.of(output), program);
        if (out != null) {
            try {
                out.create();
            } catch (IOException e) {
                log.error("mkdir " + output + ": " + e.getMessage());
                return new Outcome(1, "", log, generated);
            }
        }
        String podman = environment.getOrDefault("PODMAN", "");
        QuadletGenerator generator = new QuadletGenerator(new GeneratorOptions(podman, user, version, hostPathExists));
        for (GeneratedUnit u : generator.generate(units, log)) {
            generated.add(u);
            if (!u.ok()) {
                continue;
            }
            if (dryRun) {
                stdout.append("---").append(u.service()).append("---\n").append(u.text()).append('\n');
                continue;
            }
            try {
                out.write(u, log);
            } catch (IOException e) {
                log.error("generating service file " + out.path().resolve(u.service()) + ": " + e.getMessage());
            }
        }
        return new Outcome(log.failed() ? 1 : 0, stdout.toString(), log, generated);
    }

    /** The rootless search path: runtime dir, config dir, then the admin's and the distribution's users/ dirs. */
    private void userDirs(UnitDirScan scan, SourceFiles files, GeneratorLog log) {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null) {
            scan.add(GoPaths.join(runtime, "containers/systemd"), null);
        }
        String config = environment.get("XDG_CONFIG_HOME");
        if (config == null || config.isEmpty()) {
            String home = environment.get("HOME");
            if (home == null || home.isEmpty()) {
                log.info("Warning: neither $XDG_CONFIG_HOME nor $HOME are defined");
                return;
            }
            config = GoPaths.join(home, ".config");
        }
        scan.add(GoPaths.join(config, "containers/systemd"), null);
        String adminUsers = adminUsersDir(files);
        int level = adminUsers.split("/", -1).length;
        BiPredicate<String, Boolean> nonNumeric = (path, isUser) -> {
            if (!path.startsWith(adminUsers)) {
                return true;
            }
            String[] parts = path.split("/", -1);
            return parts.length == level || (parts.length > level && !parts[level].matches("[0-9]*"));
        };
        BiPredicate<String, Boolean> levels = userLevelFilter(files);
        for (String base : List.of(ADMIN_DIR, DISTRO_DIR)) {
            scan.add(GoPaths.join(base, "users"), true, nonNumeric);
            scan.add(GoPaths.join(base, "users", Integer.toString(uid)), true, levels);
        }
    }

    private static String adminUsersDir(SourceFiles files) {
        String dir = GoPaths.join(ADMIN_DIR, "users");
        String real = files.realPath(dir);
        return real == null ? dir : real;
    }

    /** Root ignores the users/ subtree; a rootless generator reads it. */
    private static BiPredicate<String, Boolean> userLevelFilter(SourceFiles files) {
        String adminUsers = adminUsersDir(files);
        return (path, isUser) -> !path.startsWith(adminUsers) || isUser;
    }

    /** {@code -version}: the release this run follows, as Podman prints it. */
    public static String versionText(PodmanVersion version) {
        return version.equals(PodmanVersion.NEWEST) ? "6.0.0-dev" : version.toString();
    }
}
