package dev.bosun.shell.plugins;

import dev.bosun.api.BosunException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed plugins, read by {@link PluginInspector} without loading any of them: what
 * {@code plugins install} checks module names against and {@code plugins remove} finds ids in. Only what
 * the shell would load counts: under {@link StrictModes} a refused root or file is left out, like the
 * loader leaves it out. Zips are read as they are; nothing is unpacked.
 */
final class PluginScan {
    /**
     * One plugin found.
     *
     * @param files   where it is
     * @param id      its id, or null when none could be read
     * @param plugin  what it declares, or null when it cannot be used ({@code problem} says why)
     * @param problem why it would be skipped, or null
     */
    record Found(PluginFiles files, String id, InspectedPlugin plugin, String problem) {
    }

    private PluginScan() {
    }

    /** Every plugin in the roots, in search order. */
    static List<Found> of(List<Path> roots, boolean strict) {
        List<Found> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root) || (strict && StrictModes.reasonAgainst(root, false) != null)) {
                continue;
            }
            List<PluginFiles> all;
            try {
                all = PluginFiles.list(root);
            } catch (IOException e) {
                continue;
            }
            for (PluginFiles f : all) {
                String why = strict ? StrictModes.reasonAgainst(f.shown(), f.zip() == null && Files.isDirectory(f.source())) : null;
                if (why != null) {
                    out.add(new Found(f, null, null, why));
                    continue;
                }
                try {
                    InspectedPlugin p = PluginInspector.inspect(PluginArchive.read(f.shown()));
                    out.add(new Found(f, p.id(), p, null));
                } catch (PluginInspector.Refused e) {
                    out.add(new Found(f, e.id(), null, e.reason()));
                } catch (IOException | BosunException e) {
                    out.add(new Found(f, null, null, PluginStatus.describe(e)));
                }
            }
        }
        return out;
    }
}
