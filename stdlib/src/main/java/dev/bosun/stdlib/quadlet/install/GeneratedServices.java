package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.effect.DiffNote;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.generate.GeneratedUnit;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.GeneratorOptions;
import dev.bosun.stdlib.quadlet.generate.HostSourceFiles;
import dev.bosun.stdlib.quadlet.generate.QuadletGenerator;
import dev.bosun.stdlib.quadlet.generate.UnitDirScan;

import java.util.HashMap;
import java.util.Map;

/**
 * What Podman's generator makes of one Quadlet directory as it is now (its subdirectories and drop-ins
 * included, as the generator reads them). Taken before and after an install, it lets the plan show what
 * systemd will run: the generated service's diff, as a note, since the generator (not Bosun) writes it at
 * daemon-reload. Reads go through the host's {@code Fs}, so under dry-run the "after" sees the planned files.
 */
final class GeneratedServices {
    private final Map<String, GeneratedUnit> bySource = new HashMap<>();
    private final String outputDir;

    private GeneratedServices(String outputDir) {
        this.outputDir = outputDir;
    }

    /** The generated services of {@code dir} for the owner's generator (-user for a user) of that Podman release. */
    static GeneratedServices of(HostContext ctx, String dir, UnitOwner owner, PodmanVersion podman) {
        // Where the generator writes them: systemd's generator directory, the user manager's for a user.
        GeneratedServices out = new GeneratedServices(owner.isRoot() ? "/run/systemd/generator"
                : "/run/user/" + Integer.toUnsignedString(owner.uid()) + "/systemd/generator");
        GeneratorLog log = new GeneratorLog();
        QuadletGenerator generator = new QuadletGenerator(new GeneratorOptions(null, !owner.isRoot(), podman,
                p -> p.startsWith("/") && ctx.fs().exists(p)));
        UnitDirScan scan = new UnitDirScan(new ReadableSourceFiles(new HostSourceFiles(ctx.fs())), generator.version(), log).add(dir, null);
        for (GeneratedUnit g : generator.generate(scan.load(), log)) {
            out.bySource.put(g.source(), g);
        }
        scan.failures().forEach((name, error) -> out.bySource.putIfAbsent(name,
                new GeneratedUnit(name, null, null, null, null, null, error, null, null)));
        return out;
    }

    /**
     * The note for unit file {@code fileName} from {@code before} to this state, or null when what the generator
     * writes for it did not change (or the release does not read its type).
     */
    Change noteSince(GeneratedServices before, String fileName) {
        GeneratedUnit now = bySource.get(fileName);
        GeneratedUnit old = before.bySource.get(fileName);
        if (now == null) {
            return null;
        }
        if (!now.ok()) {
            if (old != null && now.error().equals(old.error())) {
                return null;
            }
            return Change.note(fileName + " (generated)", fileName + ": Podman's generator will drop it at daemon-reload: "
                    + Check.oneLine(now.error(), 500));
        }
        String oldText = old != null && old.ok() ? old.text() : null;
        return DiffNote.of(now.service() + " (generated)", now.service() + " as Podman's generator will write it at daemon-reload",
                outputDir + "/" + now.service(), oldText, now.text());
    }
}
