package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Copy-on-write workspaces on overlayfs, laid out as sdme lays out its containers. */
@Module(name = "overlay", doc = "Copy-on-write overlayfs workspaces: DATADIR/overlays/<name>/{upper,work,merged} over "
        + "read-only lower directories, with opaque directories, real mounts, a diff of the upper layer and health checks. "
        + "Under --root, mounting and unmounting run only when Bosun has a private mount namespace (unshare -m): "
        + "the root does not redirect the live mount table.")
public final class OverlayModule implements HostModule {

    @Op(mutates = true, doc = "Creates the overlay's directories (upper 0755, work 0700, merged 0755) and its record; "
            + "marks the opaque dirs on the upper layer with trusted.overlay.opaque=y (user.overlay.opaque inside a user "
            + "namespace). An ensure: the same name and spec again changes nothing (changed false) and repairs missing "
            + "directories or marks; fails when the name is taken with another spec (also by a concurrent create), when "
            + "a lower directory is missing, or when the umask strips read/execute from others. Does not mount.")
    public OverlayInfo create(HostContext ctx,
                              @Doc("the overlay's name, ^[a-z][a-z0-9-]{0,63}$") String name,
                              @Doc("lower layers, opaque dirs and data directory") CreateSpec spec) {
        OverlayName.check(name);
        Check.present("spec", spec);
        Umask.check(Umask.current());
        for (String l : spec.lower()) {
            requireDirectory(ctx, "lower " + l, l);
        }
        XattrNamespace xattrs = XattrNamespace.forProcess(ctx.caller().isRoot(), UserNamespace.initial());
        if (!spec.opaque().isEmpty() && !ctx.exec().available("setfattr")) {
            throw new BosunException("setfattr is needed to mark opaque directories: install the attr package");
        }
        OverlayRecord r = new OverlayRecord(name, spec.datadir(), spec.lower(), spec.opaque(), xattrs,
                System.currentTimeMillis());
        Layout lay = r.layout();
        OverlayStore store = new OverlayStore(ctx);
        OverlayRecord recorded = store.find(name);
        if (recorded == null && ctx.fs().exists(lay.dir())) {
            // A create's directory appears only after its claim commits: read again before calling it left over.
            recorded = store.find(name);
        }
        if (recorded == null && ctx.fs().exists(lay.dir())) {
            throw new BosunException(lay.dir() + " already exists but no overlay record names it (left over?); "
                    + "move it away or pick another name");
        }
        // A record made between the look-up and the claim is a concurrent create of the same name: claim says which.
        OverlayRecord same = recorded != null ? store.same(recorded, r) : store.claim(r);
        if (same != null) {
            return ensureLayout(ctx, same);
        }
        try {
            makeLayout(ctx, r);
        } catch (RuntimeException e) {
            if (e instanceof BosunException && layoutComplete(ctx, r)) {
                return info(ctx, r, true); // a concurrent create of the same spec made the rest meanwhile
            }
            ctx.fs().deleteTree(lay.dir());
            store.delete(name);
            throw e;
        }
        return info(ctx, r, true);
    }

    /**
     * create as an ensure: the same spec again repairs what an interrupted create left out and otherwise changes
     * nothing. A concurrent create of the same spec may be making the same directories at this moment; when one
     * of ours then fails because it appeared meanwhile, the layout is complete and that is all that was wanted.
     */
    private static OverlayInfo ensureLayout(HostContext ctx, OverlayRecord r) {
        int before = ctx.plan().size();
        try {
            makeLayout(ctx, r);
        } catch (BosunException e) {
            if (!layoutComplete(ctx, r)) {
                throw e;
            }
        }
        return info(ctx, r, ctx.plan().size() > before);
    }

    private static boolean layoutComplete(HostContext ctx, OverlayRecord r) {
        Layout lay = r.layout();
        return List.of(lay.upper(), lay.work(), lay.merged()).stream().allMatch(ctx.fs()::exists);
    }

    /** The overlay's directories and opaque marks; what already exists is left as it is. */
    private static void makeLayout(HostContext ctx, OverlayRecord r) {
        Layout lay = r.layout();
        ctx.fs().mkdirs(r.datadir(), Layout.DIR_MODE, null, null);
        ctx.fs().mkdirs(lay.overlays(), Layout.OVERLAYS_MODE, null, null);
        ctx.fs().mkdirs(lay.dir(), Layout.DIR_MODE, null, null);
        ctx.fs().mkdirs(lay.upper(), Layout.UPPER_MODE, null, null);
        ctx.fs().mkdirs(lay.work(), Layout.WORK_MODE, null, null);
        ctx.fs().mkdirs(lay.merged(), Layout.MERGED_MODE, null, null);
        new OpaqueMarker(ctx).markAll(r);
    }

    @Op(mutates = true, doc = "Mounts the overlay on its merged directory with mount -t overlay (options validated: the "
            + "layer options come only from the overlay's record). Already mounted: changed false. Needs root (or root "
            + "in a user namespace, where userxattr is used).")
    public MountResult mount(HostContext ctx,
                             @Doc("the overlay's name") String name,
                             @Optional @Doc("readOnly and extra mount options") MountSpec spec) {
        OverlayName.check(name);
        MountSpec s = spec != null ? spec : new MountSpec(null, null);
        OverlayRecord r = new OverlayStore(ctx).get(name);
        Layout lay = r.layout();
        requireDirectory(ctx, "overlay \"" + name + "\" upper", lay.upper());
        requireDirectory(ctx, "overlay \"" + name + "\" work", lay.work());
        requireDirectory(ctx, "overlay \"" + name + "\" merged", lay.merged());
        for (String l : r.lower()) {
            requireDirectory(ctx, "overlay \"" + name + "\" lower " + l, l);
        }
        OverlayMounts mounts = new OverlayMounts(ctx);
        String options = mounts.options(r, s);
        MountTable.Entry current = mounts.entry(r);
        switch (mounts.state(r, current)) {
            case MOUNTED -> {
                boolean ro = !current.superOptions().containsKey("upperdir");
                if (ro != s.readOnly()) {
                    throw new BosunException("overlay \"" + name + "\" is already mounted " + (ro ? "read-only" : "read-write")
                            + "; overlay.unmount it first to mount it " + (s.readOnly() ? "read-only" : "read-write"));
                }
                return new MountResult(name, lay.merged(), ro, describe(current), false);
            }
            case FOREIGN -> throw new BosunException(lay.merged() + " already has a " + current.fsType() + " mount ("
                    + current.source() + ") that is not overlay \"" + name + "\"; unmount it first");
            case NOT_MOUNTED -> {
                // mount below
            }
        }
        if (!ctx.dryRun() && ctx.caller().euid() != 0) {
            throw new BosunException("mounting overlay \"" + name + "\" needs root (or root in a user namespace, e.g. "
                    + "unshare -rm); this process runs as uid " + ctx.caller().euid());
        }
        ctx.exec().run(mounts.mountCommand(r, options));
        if (!ctx.dryRun() && mounts.state(r) != OverlayMounts.State.MOUNTED) {
            throw new BosunException("mount reported success but " + lay.merged() + " is not mounted as overlay \""
                    + name + "\" in /proc/self/mountinfo");
        }
        return new MountResult(name, lay.merged(), s.readOnly(), options, true);
    }

    @Op(mutates = true, doc = "Unmounts the overlay (and anything mounted below its merged directory, deepest first). "
            + "Not mounted: changed false. Refuses when busy.")
    public Outcome unmount(HostContext ctx, @Doc("the overlay's name") String name) {
        OverlayName.check(name);
        OverlayRecord r = new OverlayStore(ctx).get(name);
        OverlayMounts mounts = new OverlayMounts(ctx);
        List<MountTable.Entry> below = mounts.mountsIn(r.layout().merged());
        if (below.isEmpty()) {
            return new Outcome(name, false, "not mounted");
        }
        mounts.unmount(below, false, name);
        return new Outcome(name, true, "unmounted " + r.layout().merged());
    }

    @Op(doc = "All overlays of the state database, with whether each is mounted in this mount namespace.")
    public List<OverlayInfo> list(HostContext ctx) {
        List<OverlayInfo> out = new ArrayList<>();
        for (OverlayRecord r : new OverlayStore(ctx).all()) {
            out.add(info(ctx, r, false));
        }
        return out;
    }

    @Op(doc = "Health of an overlay, like sdme ps: mounted or not, missing directories or lower layers, wrong modes, "
            + "unmarked opaque dirs, stale or foreign mounts, and the size of the upper layer.")
    public OverlayStatus status(HostContext ctx, @Doc("the overlay's name") String name) {
        OverlayName.check(name);
        OverlayRecord r = new OverlayStore(ctx).get(name);
        return new OverlayHealth(ctx, new OverlayMounts(ctx)).of(r, info(ctx, r, false));
    }

    @Op(doc = "What the upper layer changes against the lower layers, as {path, kind} records with kind added, "
            + "modified, deleted (whiteouts) or opaque, in walk order (a directory before its content, names sorted). "
            + "Reads the upper directory in one pass, never following a link or entering another mount; works mounted "
            + "or not.")
    public List<DiffEntry> diff(HostContext ctx, @Doc("the overlay's name") String name) {
        OverlayName.check(name);
        OverlayRecord r = new OverlayStore(ctx).get(name);
        String upper = r.layout().upper();
        if (ctx.dryRun() && ctx.plan().changes().stream()
                .anyMatch(c -> c.kind() == Change.Kind.MKDIR && c.target().equals(upper))) {
            // Created earlier in this dry-run: its upper layer holds only the directories the create made.
            return List.of();
        }
        FileStat st = ctx.fs().stat(upper);
        if (st == null || st.type() != FileStat.Type.DIRECTORY) {
            throw new BosunException("overlay \"" + name + "\" has no upper directory " + upper
                    + "; overlay.status shows what is wrong");
        }
        return UpperDiff.of(ctx.fs(), upper, r.lower(), r.xattrs());
    }

    @Op(mutates = true, doc = "Unmounts the overlay if mounted (refuses when busy unless force, which detaches lazily), "
            + "then deletes its directories without following any symlink, and forgets its record.")
    public Outcome remove(HostContext ctx, @Doc("the overlay's name") String name,
                          @Optional @Doc("force: detach a busy mount lazily") RemoveSpec spec) {
        OverlayName.check(name);
        RemoveSpec s = spec != null ? spec : new RemoveSpec(null);
        OverlayStore store = new OverlayStore(ctx);
        OverlayRecord r = store.get(name);
        Layout lay = r.layout();
        OverlayMounts mounts = new OverlayMounts(ctx);
        List<MountTable.Entry> inside = mounts.mountsIn(lay.dir());
        mounts.unmount(inside, s.force(), name);
        if (!ctx.dryRun() && !mounts.mountsIn(lay.dir()).isEmpty()) {
            // Deleting across a mount point would delete in whatever is mounted there.
            throw new BosunException("overlay \"" + name + "\": " + mounts.mountsIn(lay.dir()).getFirst().mountPoint()
                    + " is still mounted; not deleting anything");
        }
        refuseSymlinkedOverlaysDir(ctx, lay);
        ctx.fs().deleteTree(lay.dir());
        store.delete(name);
        return new Outcome(name, true, (inside.isEmpty() ? "" : "unmounted, ") + "deleted " + lay.dir());
    }

    @Op(mutates = true, doc = "Empties the upper and work directories so the merged view is the pristine lower again "
            + "(opaque dirs are kept marked). Refuses while mounted. Already pristine: changed false.")
    public Outcome reset(HostContext ctx, @Doc("the overlay's name") String name) {
        OverlayName.check(name);
        OverlayRecord r = new OverlayStore(ctx).get(name);
        Layout lay = r.layout();
        OverlayMounts mounts = new OverlayMounts(ctx);
        if (!mounts.mountsIn(lay.dir()).isEmpty()) {
            throw new BosunException("overlay \"" + name + "\" is mounted; overlay.unmount it before reset");
        }
        refuseSymlinkedOverlaysDir(ctx, lay);
        requireDirectory(ctx, "overlay \"" + name + "\" upper", lay.upper());
        requireDirectory(ctx, "overlay \"" + name + "\" work", lay.work());
        OpaqueMarker marker = new OpaqueMarker(ctx);
        if (ctx.fs().list(lay.work()).isEmpty() && marker.pristine(r)) {
            return new Outcome(name, false, "already pristine");
        }
        for (String child : ctx.fs().list(lay.upper())) {
            ctx.fs().deleteTree(lay.upper() + "/" + child);
        }
        for (String child : ctx.fs().list(lay.work())) {
            ctx.fs().deleteTree(lay.work() + "/" + child);
        }
        marker.markAll(r);
        return new Outcome(name, true, "emptied upper and work" + (r.opaque().isEmpty() ? ""
                : ", re-marked " + r.opaque().size() + " opaque dir(s)"));
    }

    private static OverlayInfo info(HostContext ctx, OverlayRecord r, boolean changed) {
        Layout lay = r.layout();
        boolean mounted = new OverlayMounts(ctx).state(r) == OverlayMounts.State.MOUNTED;
        return new OverlayInfo(r.name(), r.lower(), r.opaque(), lay.upper(), lay.work(), lay.merged(),
                r.xattrs().opaque(), mounted, Instant.ofEpochMilli(r.createdMillis()).toString(), changed);
    }

    private static String describe(MountTable.Entry e) {
        List<String> parts = new ArrayList<>();
        e.superOptions().forEach((k, v) -> parts.add(v.isEmpty() ? k : k + "=" + v));
        return String.join(",", parts);
    }

    private static void requireDirectory(HostContext ctx, String what, String hostPath) {
        FileStat st = ctx.fs().stat(hostPath);
        if (st == null || st.type() != FileStat.Type.DIRECTORY) {
            throw new BosunException(what + " (" + hostPath + ") " + (st == null ? "does not exist"
                    : "is a " + st.type() + ", not a directory") + (ctx.liveRoot() ? "" : " under root " + ctx.root()));
        }
    }

    /** The overlays directory is ours; if it became a symlink, deleting below it would delete elsewhere. */
    private static void refuseSymlinkedOverlaysDir(HostContext ctx, Layout lay) {
        FileStat st = ctx.fs().stat(lay.overlays());
        if (st != null && st.type() == FileStat.Type.SYMLINK) {
            throw new BosunException(lay.overlays() + " is a symlink (to " + st.linkTarget()
                    + "); refusing to delete through it");
        }
    }
}
