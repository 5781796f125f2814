package dev.bosun.shell.plugins;

import org.pf4j.PluginRepository;
import org.pf4j.util.FileUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin paths PF4J may load. Under {@link StrictModes} (effective uid 0) a plugin root, zip, jar or
 * unpacked directory that fails the rules is left out before PF4J touches it (PF4J unpacks zips, so even
 * listing a hostile directory would write into it) and reported as a {@link PluginProblem}.
 */
final class TrustedPluginRepository implements PluginRepository {
    private final List<Path> roots;
    private final boolean strict;
    private final List<PluginProblem> problems = new ArrayList<>();

    /**
     * @param roots  plugin roots in the order they are searched
     * @param strict true to apply {@link StrictModes}
     */
    TrustedPluginRepository(List<Path> roots, boolean strict) {
        this.roots = List.copyOf(roots);
        this.strict = strict;
    }

    /** What was left out by the last {@link #getPluginPaths()}, and why. */
    List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public List<Path> getPluginPaths() {
        problems.clear();
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root) || refused(root, false)) {
                continue;
            }
            List<PluginFiles> plugins;
            try {
                plugins = PluginFiles.list(root);
            } catch (IOException e) {
                problems.add(new PluginProblem(root, "cannot list plugins: " + e));
                continue;
            }
            for (PluginFiles f : plugins) {
                Path path = f.zip() != null ? f.zip() : f.source();
                if (refused(path, false)) {
                    continue;
                }
                if (f.zip() != null) {
                    try {
                        FileUtils.expandIfZip(f.zip());
                    } catch (IOException | RuntimeException e) {
                        problems.add(new PluginProblem(f.zip(), "cannot unpack: " + PluginStatus.describe(e)));
                        continue;
                    }
                }
                if (Files.isDirectory(f.source()) && refused(f.source(), true)) {
                    continue;
                }
                out.add(f.source());
            }
        }
        return out;
    }

    /** Under StrictModes: records and returns true when {@code path} (with its whole tree) may not be loaded. */
    private boolean refused(Path path, boolean tree) {
        if (!strict) {
            return false;
        }
        String why = StrictModes.reasonAgainst(path, tree);
        if (why != null) {
            problems.add(PluginProblem.untrusted(path, why));
            return true;
        }
        return false;
    }

    /** Bosun never deletes plugins through PF4J: {@code plugins remove} goes through the effect layer. */
    @Override
    public boolean deletePluginPath(Path pluginPath) {
        return false;
    }
}
