package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.quadlet.QuadletModule;
import dev.bosun.stdlib.quadlet.QuadletOptions;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.Severity;
import dev.bosun.stdlib.quadlet.install.InstallResult;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.subids.AllocateOptions;
import dev.bosun.stdlib.subids.Allocation;
import dev.bosun.stdlib.subids.SubIdRange;
import dev.bosun.stdlib.subids.SubIdsModule;
import dev.bosun.stdlib.subids.UserSubIds;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.GroupSpec;
import dev.bosun.stdlib.users.GroupsModule;
import dev.bosun.stdlib.users.User;
import dev.bosun.stdlib.users.UserSpec;
import dev.bosun.stdlib.users.UsersModule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converges the host to a compartment spec, through the typed operations of the users, groups, subids, quadlet and
 * systemd modules and the effect layer's files, so the plan, dry-run, audit and crash behaviour are theirs. Order:
 * ownership records first (so a crash never leaves something made but unrecorded), then the group and user, sub-IDs,
 * helper groups and users, the Podman configuration in the home, volume directories, Quadlet units, what the spec no
 * longer has, lingering, Podman's own objects as the user (secrets, logins, storage migration; they need the runtime
 * directory lingering brings), the auto-update timer and last the user's services. Every step is an ensure: a
 * converged host plans nothing.
 */
final class CompartmentApply {
    static final String SHELL = "/usr/sbin/nologin";
    /** Helpers own files, they never log in or keep files of their own: no home (Debian's convention for that). */
    static final String HELPER_HOME = "/nonexistent";
    /** The drop-in that makes the user's timers.target want Podman's auto-update timer (a file, so it plans as one). */
    static final String AUTO_UPDATE_DROPIN = ".config/systemd/user/timers.target.d/50-bosun-auto-update.conf";
    static final String AUTO_UPDATE_TIMER = "podman-auto-update.timer";

    private final HostContext ctx;
    private final CompartmentSpec spec;
    private final CompartmentApplyOptions options;
    private final OwnershipStore store;
    private final String id;
    private final String name;
    private final List<String> warnings = new ArrayList<>();
    private final UsersModule users = new UsersModule();
    private final GroupsModule groups = new GroupsModule();
    private final SubIdsModule subids = new SubIdsModule();
    private final QuadletModule quadlet = new QuadletModule();

    CompartmentApply(HostContext ctx, CompartmentSpec spec, CompartmentApplyOptions options) {
        this.ctx = ctx;
        this.spec = spec;
        this.options = options == null ? new CompartmentApplyOptions(null) : options;
        this.store = new OwnershipStore(ctx);
        this.id = spec.id();
        this.name = CompartmentNames.user(id);
    }

    CompartmentApplied run(Preflight preflight) {
        int start = ctx.plan().size();
        warnings.addAll(preflight.require(ctx, spec));
        refuseLiveOnlyUnderRoot();
        Set<Long> helperUids = helperUids();
        Set<Long> helperGids = helperGids();
        refuseForeign(helperUids, helperGids);
        TreeSet<Owned> before = store.owned(id);

        // Identity: the group, the user with its home, the sub-IDs.
        store.claim(id, List.of(new Owned(Owned.Kind.GROUP, name), new Owned(Owned.Kind.USER, name),
                new Owned(Owned.Kind.SUBIDS, name)));
        groups.ensure(ctx, new GroupSpec(name, true, null));
        CompartmentUser cu = spec.user();
        users.ensure(ctx, new UserSpec(name, true, null, name, null, cu.home(), true,
                cu.shell() != null ? cu.shell() : SHELL,
                cu.comment() != null ? cu.comment() : "bosun compartment " + id)).warnings().forEach(warnings::add);
        Allocation ids = subids.allocate(ctx, name, new AllocateOptions(spec.subIdCount(), null));
        User user = Accounts.read(ctx.fs()).user(name);
        if (user == null) {
            throw new BosunException("useradd did not create " + name);
        }

        // Helpers: container ID N owned on the host by qmh-<id>-<N>, at the user's N-th sub-ID.
        UserSubIds ranges = subids.of(ctx, name);
        List<Owned> helpers = new ArrayList<>();
        helperGids.forEach(n -> helpers.add(new Owned(Owned.Kind.HELPER_GROUP, CompartmentNames.helper(id, n.intValue()))));
        helperUids.forEach(n -> helpers.add(new Owned(Owned.Kind.HELPER_USER, CompartmentNames.helper(id, n.intValue()))));
        store.claim(id, helpers);
        for (long n : helperGids) {
            groups.ensure(ctx, new GroupSpec(CompartmentNames.helper(id, (int) n), true, nth(ranges.gid(), n)));
        }
        for (long n : helperUids) {
            users.ensure(ctx, new UserSpec(CompartmentNames.helper(id, (int) n), true, nth(ranges.uid(), n), name, null,
                    HELPER_HOME, false, SHELL, "bosun compartment " + id + " container uid " + n));
        }

        podmanConfig(user);
        volumes(user);
        Map<String, InstallResult> installed = units(user);
        pruneUnits(user, before);
        // Lingering before Podman runs as the user: rootless Podman needs the user's runtime directory
        // (/run/user/UID, its runroot), which logind makes when it starts the user's manager.
        linger();
        PodmanAsUser podman = new PodmanAsUser(ctx, user);
        boolean migrate = ids.changed() && ctx.fs().exists(user.home() + "/.local/share/containers/storage");
        if (migrate || !spec.secrets().isEmpty() || !spec.logins().isEmpty() || hasPodmanObjects(before)) {
            new UserServices(ctx, user, warnings).requireRuntimeDir(spec.linger());
        }
        secrets(podman, before);
        logins(podman, user, before);
        if (migrate) {
            // Storage made under other sub-ID ranges must be migrated to the new ones (podman-system-migrate(1)).
            podman.run("system", "migrate");
        }
        autoUpdate(user);
        new UserServices(ctx, user, warnings).converge(spec, installed, spec.linger());
        pruneHelpers(before, helpers);
        store.saveSpec(id, CompartmentJson.write(spec));
        List<Change> changes = List.copyOf(ctx.plan().changes().subList(start, ctx.plan().size()));
        return new CompartmentApplied(id, name, !changes.isEmpty(), changes, List.copyOf(warnings));
    }

    /**
     * Podman's secrets and logins and its storage migration run as the user on the live system: a root given with
     * --root does not redirect them, so a spec that needs them is refused there, in apply and dry-run alike.
     */
    private void refuseLiveOnlyUnderRoot() {
        if (!ctx.liveRoot() && (!spec.secrets().isEmpty() || !spec.logins().isEmpty())) {
            throw new BosunException("compartment " + id + " has " + (!spec.secrets().isEmpty() ? "secrets" : "registry logins")
                    + ", which Podman creates as " + name + " on the live system; --root " + ctx.root()
                    + " does not redirect that (apply the spec without them, or on the live host)");
        }
    }

    /** Whether the compartment made secrets or logins before (pruning them runs Podman as the user too). */
    private static boolean hasPodmanObjects(TreeSet<Owned> before) {
        return before.stream().anyMatch(o -> o.kind() == Owned.Kind.SECRET || o.kind() == Owned.Kind.LOGIN);
    }

    /** Container uids that need a helper user: every mapped uid and every volume owner but 0 (the user itself). */
    private Set<Long> helperUids() {
        Set<Long> out = new TreeSet<>();
        spec.containers().forEach(c -> out.addAll(c.mapUids()));
        spec.volumes().stream().filter(v -> v.ownerUid() != 0).forEach(v -> out.add(v.ownerUid()));
        return out;
    }

    private Set<Long> helperGids() {
        Set<Long> out = new TreeSet<>();
        spec.containers().forEach(c -> out.addAll(c.mapGids()));
        return out;
    }

    /**
     * Accounts and unit files with the names this compartment wants that exist and are not recorded as its own: never
     * adopted, and refused before the first change.
     */
    private void refuseForeign(Set<Long> helperUids, Set<Long> helperGids) {
        Accounts db = Accounts.read(ctx.fs());
        Map<Owned, Boolean> wanted = new LinkedHashMap<>();
        wanted.put(new Owned(Owned.Kind.USER, name), db.user(name) != null);
        wanted.put(new Owned(Owned.Kind.GROUP, name), db.group(name) != null);
        for (long n : helperUids) {
            String h = CompartmentNames.helper(id, (int) n);
            wanted.put(new Owned(Owned.Kind.HELPER_USER, h), db.user(h) != null);
        }
        for (long n : helperGids) {
            String h = CompartmentNames.helper(id, (int) n);
            wanted.put(new Owned(Owned.Kind.HELPER_GROUP, h), db.group(h) != null);
        }
        User existing = db.user(name);
        if (existing != null) {
            for (String file : unitFileNames()) {
                String path = existing.home() + "/.config/containers/systemd/" + file;
                wanted.put(new Owned(Owned.Kind.UNIT, path), ctx.fs().exists(path));
            }
        }
        for (Map.Entry<Owned, Boolean> e : wanted.entrySet()) {
            String owner = store.owner(e.getKey());
            if (e.getValue() && owner == null) {
                throw new BosunException(e.getKey() + " exists but was not made by Bosun for compartment " + id
                        + "; Bosun never takes over or deletes what it did not create (remove or rename it first); nothing was changed");
            }
            if (owner != null && !owner.equals(id)) {
                throw new BosunException(e.getKey() + " belongs to compartment " + Check.quote(owner) + "; nothing was changed");
            }
        }
    }

    /** The unit file names the spec installs (known before any unit is built). */
    private List<String> unitFileNames() {
        List<String> out = new ArrayList<>();
        spec.networks().forEach(n -> out.add(n.name() + ".network"));
        spec.volumes().stream().filter(v -> v.quadlet() != null).forEach(v -> out.add(v.name() + ".volume"));
        spec.pods().forEach(p -> out.add(p.name() + ".pod"));
        spec.images().forEach(i -> out.add(i.name() + ".image"));
        spec.builds().forEach(b -> out.add(b.name() + ".build"));
        spec.containers().forEach(c -> out.add(c.unit().name() + ".container"));
        return out;
    }

    /** Sub-ID number {@code n} (0-based) across the ranges in file order, as newuidmap lays them out. */
    static long nth(List<SubIdRange> ranges, long n) {
        long left = n;
        for (SubIdRange r : ranges) {
            if (Long.compareUnsigned(left, r.count()) < 0) {
                return r.start() + left;
            }
            left -= r.count();
        }
        throw new BosunException("the sub-ID ranges hold fewer than " + (n + 1) + " IDs");
    }

    /** ~/.config/containers/storage.conf and containers.conf, 0600, the user's. */
    private void podmanConfig(User user) {
        Fs fs = ctx.fs();
        int uid = (int) user.uid();
        int gid = (int) user.gid();
        String conf = user.home() + "/.config/containers";
        fs.mkdirs(user.home() + "/.config", 0700, uid, gid);
        fs.mkdirs(conf, 0700, uid, gid);
        WriteOptions own = WriteOptions.mode(0600).withOwner(uid, gid);
        fs.write(conf + "/storage.conf", PodmanConfig.storage(spec.podman(), user.home(), user.uid()), own);
        fs.write(conf + "/containers.conf", PodmanConfig.containers(spec.podman()), own);
    }

    /**
     * Host-directory volumes: the base (0755, root), the compartment's directory (0750, root:qm-<id>, so the user
     * cannot swap its entries) and each volume (0770, owner the user or the helper of ownerUid, group qm-<id>).
     * An existing directory gets its owner and mode back. Labelled container_file_t when SELinux is enabled.
     */
    private void volumes(User user) {
        List<VolumeDecl> dirs = spec.volumes().stream().filter(v -> v.quadlet() == null).toList();
        if (dirs.isEmpty()) {
            return;
        }
        Fs fs = ctx.fs();
        List<Owned> claim = new ArrayList<>();
        claim.add(new Owned(Owned.Kind.DIR, Volumes.compartmentDir(id)));
        dirs.forEach(v -> claim.add(new Owned(Owned.Kind.DIR, Volumes.dir(id, v.name()))));
        SharedDirs.ensure(ctx, store, Volumes.BASE);
        store.claim(id, claim);
        int gid = (int) user.gid();
        ensureDir(Volumes.compartmentDir(id), 0750, 0, gid);
        UserSubIds ranges = null;
        for (VolumeDecl v : dirs) {
            long owner = user.uid();
            if (v.ownerUid() != 0) {
                ranges = ranges == null ? subids.of(ctx, name) : ranges;
                owner = nth(ranges.uid(), v.ownerUid());
            }
            String dir = Volumes.dir(id, v.name());
            ensureDir(dir, 0770, (int) owner, gid);
            SeLinux.label(ctx, dir);
        }
    }

    private void ensureDir(String path, int mode, int uid, int gid) {
        FileStat st = ctx.fs().stat(path);
        if (st == null) {
            ctx.fs().mkdirs(path, mode, uid, gid);
            return;
        }
        if (st.type() != FileStat.Type.DIRECTORY) {
            throw new BosunException(path + " exists and is a " + st.type() + ", not a directory; nothing more was changed");
        }
        ctx.fs().setAttributes(path, mode, uid, gid);
    }

    /**
     * Validates every unit against its neighbours first (so a bad spec writes none), then installs them one by one
     * in reference order (networks, volumes, pods, images, builds, containers). A unit file of that name that Bosun
     * did not make for this compartment is refused, never overwritten.
     */
    private Map<String, InstallResult> units(User user) {
        List<QuadletUnit> units = CompartmentUnits.of(ctx, spec);
        Map<String, InstallResult> byFile = new LinkedHashMap<>();
        if (units.isEmpty()) {
            return byFile;
        }
        List<String> names = units.stream().map(QuadletUnit::fileName).toList();
        for (QuadletUnit u : units) {
            for (Finding f : quadlet.validate(ctx, u, new QuadletOptions.Validate(null, names))) {
                if (f.severity() == Severity.ERROR) {
                    throw new BosunException("compartment " + id + ": " + u.fileName() + (f.key() != null ? " " + f.key() : "")
                            + ": " + f.message() + " (nothing was changed)");
                }
            }
        }
        String dir = user.home() + "/.config/containers/systemd";
        List<Owned> claim = new ArrayList<>();
        for (QuadletUnit u : units) {
            Owned o = new Owned(Owned.Kind.UNIT, dir + "/" + u.fileName());
            if (ctx.fs().exists(o.name()) && !id.equals(store.owner(o))) {
                throw new BosunException(o.name() + " exists but was not made by Bosun for compartment " + id
                        + "; remove it or rename the unit (nothing was changed)");
            }
            claim.add(o);
        }
        store.claim(id, claim);
        for (QuadletUnit u : units) {
            byFile.put(u.fileName(), quadlet.install(ctx, name, u, new QuadletOptions.Install(null, true, null)));
        }
        return byFile;
    }

    /** Unit files this compartment made that the spec no longer has: their service stopped first, then removed. */
    private void pruneUnits(User user, TreeSet<Owned> before) {
        Set<String> wanted = new TreeSet<>();
        CompartmentUnits.of(ctx, spec).forEach(u -> wanted.add(user.home() + "/.config/containers/systemd/" + u.fileName()));
        List<Owned> gone = new ArrayList<>();
        for (Owned o : before) {
            if (o.kind() == Owned.Kind.UNIT && !wanted.contains(o.name())) {
                String file = o.name().substring(o.name().lastIndexOf('/') + 1);
                if (file.endsWith(".container")) {
                    new UserServices(ctx, user, warnings).stop(file.substring(0, file.length() - ".container".length()) + ".service");
                }
                if (ctx.fs().exists(o.name())) {
                    quadlet.remove(ctx, name, file);
                }
                gone.add(o);
            }
        }
        Set<String> volumes = new TreeSet<>();
        spec.volumes().stream().filter(v -> v.quadlet() == null).forEach(v -> volumes.add(Volumes.dir(id, v.name())));
        for (Owned o : before) {
            if (o.kind() == Owned.Kind.DIR && o.name().startsWith(Volumes.compartmentDir(id) + "/") && !volumes.contains(o.name())) {
                if (options.pruneVolumes()) {
                    ctx.fs().deleteTree(o.name());
                    gone.add(o);
                } else if (ctx.fs().exists(o.name())) {
                    warnings.add("volume directory " + o.name() + " is no longer in the spec; kept with its data (apply with "
                            + "{pruneVolumes: true} or compartments.remove to delete it)");
                } else {
                    gone.add(o);
                }
            }
        }
        store.forget(id, gone);
    }

    /** Helper users and groups this compartment made that the spec no longer needs. */
    private void pruneHelpers(TreeSet<Owned> before, List<Owned> wanted) {
        List<Owned> gone = new ArrayList<>();
        for (Owned o : before) {
            if (o.kind() == Owned.Kind.HELPER_USER && !wanted.contains(o)) {
                users.remove(ctx, o.name(), new dev.bosun.stdlib.users.RemoveOptions(false, true));
                gone.add(o);
            }
        }
        for (Owned o : before) {
            if (o.kind() == Owned.Kind.HELPER_GROUP && !wanted.contains(o)) {
                groups.remove(ctx, o.name(), true);
                gone.add(o);
            }
        }
        store.forget(id, gone);
    }

    private void secrets(PodmanAsUser podman, TreeSet<Owned> before) {
        List<Owned> claim = spec.secrets().stream().map(s -> new Owned(Owned.Kind.SECRET, name + "/" + s.name())).toList();
        store.claim(id, claim);
        for (SecretDecl s : spec.secrets()) {
            String value = SecretValues.read(ctx, "secret " + s.name(), s.fromFile(), s.fromEnv());
            if (!value.equals(podman.secretValue(s.name()))) {
                podman.createSecret(s.name(), value);
            }
        }
        List<Owned> gone = new ArrayList<>();
        for (Owned o : before) {
            if (o.kind() == Owned.Kind.SECRET && !claim.contains(o)) {
                String secret = o.name().substring(name.length() + 1);
                if (podman.secretValue(secret) != null) {
                    podman.run("secret", "rm", "--", secret);
                }
                gone.add(o);
            }
        }
        store.forget(id, gone);
    }

    private void logins(PodmanAsUser podman, User user, TreeSet<Owned> before) {
        List<Owned> claim = spec.logins().stream().map(l -> new Owned(Owned.Kind.LOGIN, name + "/" + l.registry())).toList();
        store.claim(id, claim);
        String authfile = user.home() + "/.config/containers/auth.json";
        for (RegistryLogin l : spec.logins()) {
            if (!podman.loggedIn(authfile, l.registry())) {
                String password = SecretValues.read(ctx, "login " + l.registry(), l.passwordFile(), l.passwordEnv());
                podman.login(authfile, l.registry(), l.username(), password);
            }
        }
        List<Owned> gone = new ArrayList<>();
        for (Owned o : before) {
            if (o.kind() == Owned.Kind.LOGIN && !claim.contains(o)) {
                String registry = o.name().substring(name.length() + 1);
                if (podman.loggedIn(authfile, registry)) {
                    podman.run("logout", "--authfile", authfile, "--", registry);
                }
                gone.add(o);
            }
        }
        store.forget(id, gone);
    }

    /** Lingering on or off; the marker's directories, when Bosun makes them, are recorded as shared. */
    private void linger() {
        Owned marker = new Owned(Owned.Kind.LINGER, name);
        if (spec.linger()) {
            SharedDirs.ensure(ctx, store, "/var/lib/systemd/linger");
            store.claim(id, List.of(marker));
            users.linger(ctx, name, true);
        } else if (store.owned(id).contains(marker)) {
            users.linger(ctx, name, false);
            store.forget(id, List.of(marker));
        }
    }

    /** The drop-in that makes the user's timers.target want podman-auto-update.timer, or its removal. */
    private void autoUpdate(User user) {
        String path = user.home() + "/" + AUTO_UPDATE_DROPIN;
        int uid = (int) user.uid();
        int gid = (int) user.gid();
        if (spec.autoUpdate()) {
            ctx.fs().mkdirs(user.home() + "/.config/systemd/user/timers.target.d", 0755, uid, gid);
            ctx.fs().write(path, "# Written by Bosun: compartment " + id + " wants Podman's auto-update timer.\n[Unit]\nWants="
                    + AUTO_UPDATE_TIMER + "\n", WriteOptions.mode(0644).withOwner(uid, gid));
        } else if (ctx.fs().exists(path)) {
            ctx.fs().delete(path);
        }
    }

    static boolean containerAutostart(ContainerSpec unit) {
        return unit.install() != null && CompartmentUnits.AUTOSTART_TARGET.equals(unit.install().get("WantedBy"));
    }
}
