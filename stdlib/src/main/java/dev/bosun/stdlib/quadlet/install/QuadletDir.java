package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.Severity;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.PodmanVersion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user's Quadlet directory: install (validate everything first, then write each file atomically,
 * owned by the user, mode 0644), list, read, remove. A set of units is installed all or nothing:
 * every check for every unit passes before the first file is written. The plan then shows, as notes, the
 * diff of each changed unit's service as Podman's generator will write it at daemon-reload.
 */
public final class QuadletDir {
    static final int FILE_MODE = 0644;

    private final HostContext ctx;
    private final UnitOwner owner;
    private final String dir;

    public QuadletDir(HostContext ctx, String user) {
        this.ctx = ctx;
        this.owner = UnitOwner.of(ctx.fs(), user);
        this.dir = owner.quadletDir();
    }

    public String path() {
        return dir;
    }

    /** Installs the units; {@code replace} allows overwriting files with different content. */
    public List<InstallResult> install(List<QuadletUnit> units, boolean replace, PodmanVersion podman) {
        Map<String, QuadletUnit> byFile = new LinkedHashMap<>();
        for (QuadletUnit u : units) {
            if (byFile.put(u.fileName(), u) != null) {
                throw new InvalidValueException("units", Check.quote(u.fileName()) + " occurs twice; each unit file may be installed once");
            }
        }
        finishInterruptedDirs();
        Set<String> present = new HashSet<>(names());
        present.addAll(byFile.keySet());
        Map<String, List<Finding>> warnings = new LinkedHashMap<>();
        List<String> writes = new ArrayList<>();
        List<String> changing = new ArrayList<>();
        for (QuadletUnit u : byFile.values()) {
            List<Finding> findings = QuadletValidator.validate(u.file(), u.type(), u.fileName(), new ValidationTarget(podman, present));
            for (Finding f : findings) {
                if (f.severity() == Severity.ERROR) {
                    throw new BosunException(u.fileName() + (f.line() != null ? " line " + f.line() : "") + ": " + f.message()
                            + " (Podman " + podman.shortText() + " would reject it; nothing was installed)");
                }
            }
            warnings.put(u.fileName(), findings);
            String path = Fs.join(dir, u.fileName());
            String existing = ctx.fs().readIfExists(path);
            if (existing != null && !existing.equals(u.text()) && !replace) {
                throw new BosunException(path + " already exists with different content; pass replace: true to overwrite it "
                        + "(nothing was installed)");
            }
            FileStat st = ctx.fs().stat(path);
            if (st != null && st.type() != FileStat.Type.FILE) {
                throw new BosunException(path + " exists and is a " + st.type() + ", not a file; remove it first (nothing was installed)");
            }
            writes.add(path);
            if (!u.text().equals(existing)) {
                changing.add(u.fileName());
            }
        }
        // What the generator made of the directory before, for the plan's notes (a converged install reads nothing more).
        GeneratedServices servicesBefore = changing.isEmpty() ? null : GeneratedServices.of(ctx, dir, owner, podman);
        ensureDir();
        List<InstallResult> results = new ArrayList<>();
        int i = 0;
        for (QuadletUnit u : byFile.values()) {
            String path = writes.get(i++);
            int before = ctx.plan().size();
            ctx.fs().write(path, u.text().getBytes(StandardCharsets.UTF_8),
                    WriteOptions.mode(FILE_MODE).withOwner(owner.uid(), owner.gid()));
            results.add(new InstallResult(path, ctx.plan().size() != before, warnings.get(u.fileName())));
        }
        if (servicesBefore != null) {
            GeneratedServices after = GeneratedServices.of(ctx, dir, owner, podman);
            for (String name : changing) {
                Change note = after.noteSince(servicesBefore, name);
                if (note != null) {
                    ctx.plan().record(note);
                }
            }
        }
        return results;
    }

    /**
     * Hands over what an install of an older Bosun killed mid-mkdir left: a root-owned, empty 0700 directory on the
     * chain inside the user's directories, which the path rule would refuse on every later call ({@link
     * Fs#finishMkdirs} says exactly which directories qualify). First, because even reading the unit directory
     * walks through it; it repairs Bosun's own interrupted work, planned and audited like any change.
     */
    private void finishInterruptedDirs() {
        if (owner.isRoot()) {
            return;
        }
        // ~/.config first: the chain's second call would otherwise finish it with the unit directory's mode.
        ctx.fs().finishMkdirs(Fs.join(owner.home(), ".config"), 0700, owner.uid(), owner.gid());
        ctx.fs().finishMkdirs(dir, 0755, owner.uid(), owner.gid());
    }

    /** Creates the directory chain as the user would have it ({@code ~/.config} private, the rest 0755). */
    private void ensureDir() {
        if (owner.isRoot()) {
            ctx.fs().mkdirs(dir, 0755, 0, 0);
            return;
        }
        if (!ctx.fs().exists(owner.home())) {
            throw new BosunException("home " + owner.home() + " of " + owner.name() + " does not exist; create it first");
        }
        ctx.fs().mkdirs(Fs.join(owner.home(), ".config"), 0700, owner.uid(), owner.gid());
        ctx.fs().mkdirs(dir, 0755, owner.uid(), owner.gid());
    }

    /** File names of the units in the directory (top level, known extensions), sorted. */
    public List<String> names() {
        return ctx.fs().list(dir).stream().filter(n -> UnitType.ofFileName(n) != null && !n.startsWith(".")).toList();
    }

    public List<InstalledUnit> list() {
        List<InstalledUnit> out = new ArrayList<>();
        for (String n : names()) {
            String path = Fs.join(dir, n);
            FileStat st = ctx.fs().stat(path);
            if (st != null && st.type() == FileStat.Type.FILE) {
                out.add(new InstalledUnit(n, UnitType.ofFileName(n), path, st.size()));
            }
        }
        return out;
    }

    public QuadletUnit read(String fileName) {
        String path = Fs.join(dir, checkFileName(fileName));
        String text = ctx.fs().readIfExists(path);
        if (text == null) {
            throw new BosunException(path + " does not exist; quadlet.list(\"" + owner.name() + "\") shows the installed units");
        }
        UnitType t = UnitType.ofFileName(fileName);
        return new QuadletUnit(t, fileName.substring(0, fileName.length() - t.extension().length()), null, text);
    }

    public RemoveResult remove(String fileName) {
        String path = Fs.join(dir, checkFileName(fileName));
        return new RemoveResult(path, ctx.fs().delete(path));
    }

    /** A unit file name with its extension, e.g. {@code web.container}. */
    static String checkFileName(String fileName) {
        UnitType t = fileName == null ? null : UnitType.ofFileName(fileName);
        if (t == null) {
            throw new InvalidValueException("name", Check.quote(fileName) + " must be a unit file name ending in one of "
                    + Arrays.stream(UnitType.values()).map(UnitType::extension).toList());
        }
        UnitName.check("name", fileName.substring(0, fileName.length() - t.extension().length()), null);
        return fileName;
    }
}
