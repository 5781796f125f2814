package dev.bosun.stdlib.users;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.Command;
import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.api.WriteOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Users of the host root, read from etc/passwd and changed through shadow-utils with --prefix. */
@Module(name = "users", doc = "System and login users: list and inspect them, create or adjust them with "
        + "useradd/usermod (with --prefix under --root, so dry-run shows the exact diff), remove them, "
        + "and switch systemd lingering.")
public final class UsersModule implements HostModule {
    static final String LINGER_DIR = "/var/lib/systemd/linger";

    @Op(doc = "Users from the root's etc/passwd with their supplementary groups. {system:true} lists only "
            + "system accounts (uid outside UID_MIN..UID_MAX), {system:false} only regular ones.")
    public List<User> list(HostContext ctx, @Optional @Doc("filter") ListOptions options) {
        Boolean system = options == null ? null : options.system();
        return Accounts.read(ctx.fs()).users().stream()
                .filter(u -> system == null || u.system() == system).toList();
    }

    @Op(doc = "One user by name, or null when there is none.")
    public @Nullable User get(HostContext ctx, @Doc("login name") String name) {
        AccountName.check("name", name);
        return Accounts.read(ctx.fs()).user(name);
    }

    @Op(mutates = true, doc = "Makes the user exist: creates it with useradd when absent; when present, compares "
            + "and changes only what was asked (shell, comment, missing supplementary groups) with usermod. uid, "
            + "primary group, home and system flag of an existing user are reported, never changed; what an interrupted "
            + "create left out is repaired (a missing primary group, a missing shadow or gshadow line, and with "
            + "createHome a missing home made from the skeleton or a home not owned by the user). Returns changed:false when nothing had to be done.")
    public UserEnsured ensure(HostContext ctx, @Doc("the user") UserSpec spec) {
        Fs fs = ctx.fs();
        Accounts before = Accounts.read(fs);
        User existing = before.user(spec.name());
        checkAgainstDatabase(before, spec);
        List<String> warnings = new ArrayList<>();
        // nologin and false are there to refuse logins: /etc/shells leaves them out on purpose, so no warning.
        if (spec.shell() != null && !refusesLogin(spec.shell()) && !listedShell(fs, spec.shell())) {
            warnings.add("shell " + spec.shell() + " is not listed in /etc/shells; tools that check it "
                    + "(chsh, some FTP and mail daemons) will refuse it");
        }
        if (existing == null) {
            useradd(ctx, spec);
            User now = Accounts.read(fs).user(spec.name());
            if (now == null && !ctx.dryRun()) {
                throw new BosunException("useradd reported success but " + spec.name() + " is not in /etc/passwd");
            }
            return new UserEnsured(spec.name(), true, true, now, List.of("user absent -> created"), warnings);
        }
        List<String> differences = new ArrayList<>();
        AccountRepair repair = new AccountRepair(ctx, differences, warnings);
        repair.primaryGroup(before, existing);
        repair.shadowLine(before, existing);
        if (existing.group() != null) {
            repair.gshadowLine(before, existing.group());
        }
        if (spec.createHome()) {
            repair.home(existing, UseraddDefaults.read(fs), before.loginDefs());
        }
        boolean repaired = !differences.isEmpty();
        List<String> argv = new ArrayList<>(List.of("usermod"));
        if (spec.shell() != null && !spec.shell().equals(existing.shell())) {
            differences.add("shell " + existing.shell() + " -> " + spec.shell());
            argv.addAll(List.of("-s", spec.shell()));
        }
        if (spec.comment() != null && !spec.comment().equals(existing.comment())) {
            differences.add("comment " + Check.quote(existing.comment()) + " -> " + Check.quote(spec.comment()));
            argv.addAll(List.of("-c", spec.comment()));
        }
        if (spec.groups() != null) {
            List<String> missing = spec.groups().stream().filter(g -> !existing.groups().contains(g)).distinct().toList();
            if (!missing.isEmpty()) {
                differences.add("supplementary groups + " + String.join(",", missing));
                argv.addAll(List.of("-a", "-G", String.join(",", missing)));
            }
        }
        notChanged(existing, spec, before, warnings);
        if (argv.size() == 1) {
            // What a useradd killed on an earlier run left in /etc, also when no command is left to run now.
            ShadowCommands.cleanUp(ctx);
            return new UserEnsured(spec.name(), repaired, false, repaired ? Accounts.read(fs).user(spec.name()) : existing,
                    differences, warnings);
        }
        argv.add(spec.name());
        ShadowCommands.run(ctx, argv);
        return new UserEnsured(spec.name(), true, false, Accounts.read(fs).user(spec.name()), differences, warnings);
    }

    /** Requests ensure does not act on for an existing user: renumbering or moving a user is a migration, not an ensure. */
    private static void notChanged(User u, UserSpec spec, Accounts db, List<String> warnings) {
        if (spec.uid() != null && spec.uid() != u.uid()) {
            warnings.add("uid is " + u.uid() + ", asked " + spec.uid() + "; not changed (renumbering needs file ownership changes)");
        }
        if (spec.group() != null) {
            Group g = resolveGroup(db, spec.group());
            if (g != null && g.gid() != u.gid()) {
                warnings.add("primary group is " + (u.group() != null ? u.group() : u.gid()) + ", asked " + spec.group() + "; not changed");
            }
        }
        if (spec.home() != null && !spec.home().equals(u.home())) {
            warnings.add("home is " + u.home() + ", asked " + spec.home() + "; not changed (moving a home is not an ensure)");
        }
        if (spec.system() != null && spec.system() != u.system()) {
            warnings.add("user is " + (u.system() ? "a system" : "a regular") + " account, asked "
                    + (spec.system() ? "system" : "regular") + "; not changed");
        }
    }

    /** The rules that need the account database: run before any command, so a bad request changes nothing. */
    private static void checkAgainstDatabase(Accounts db, UserSpec spec) {
        if (spec.uid() != null) {
            User owner = db.userByUid(spec.uid());
            if (owner != null && !owner.name().equals(spec.name())) {
                throw new InvalidValueException("uid", spec.uid() + " is already used by user " + Check.quote(owner.name()));
            }
        }
        if (spec.group() != null && resolveGroup(db, spec.group()) == null) {
            throw new InvalidValueException("group", Check.quote(spec.group())
                    + " does not exist in /etc/group; create it first with groups.ensure");
        }
        if (spec.groups() != null) {
            for (String g : spec.groups()) {
                if (db.group(g) == null) {
                    throw new InvalidValueException("groups", Check.quote(g)
                            + " does not exist in /etc/group; create it first with groups.ensure");
                }
            }
        }
    }

    static Group resolveGroup(Accounts db, String nameOrGid) {
        return PasswdEntry.isId(nameOrGid) ? db.groupByGid(Long.parseLong(nameOrGid)) : db.group(nameOrGid);
    }

    /** nologin and false exist to refuse logins; they are not in /etc/shells on purpose. */
    private static boolean refusesLogin(String shell) {
        String name = shell.substring(shell.lastIndexOf('/') + 1);
        return name.equals("nologin") || name.equals("false");
    }

    private static boolean listedShell(Fs fs, String shell) {
        String shells = fs.readIfExists("/etc/shells");
        return shells != null && Arrays.stream(shells.split("\n")).map(String::strip).anyMatch(shell::equals);
    }

    /**
     * useradd on the root. Under an alternate root what useradd would take from the root's own configuration
     * is checked or pinned first: the home is passed explicitly ({@code -d}) after its base was checked for
     * {@code ..}; the skeleton is resolved and passed ({@code -k}); the mail spool directory is resolved inside
     * the root and pinned ({@code -K MAIL_DIR=}); {@code -l} keeps useradd off the live host's
     * lastlog/faillog, which it opens without the prefix. Then the pre-flight checks every path it touches.
     */
    private static void useradd(HostContext ctx, UserSpec spec) {
        boolean alternate = !ctx.liveRoot();
        ShadowPreflight check = ShadowPreflight.of(ctx);
        List<String> argv = new ArrayList<>(List.of("useradd"));
        boolean system = Boolean.TRUE.equals(spec.system());
        if (system) {
            argv.add("-r");
        }
        if (spec.uid() != null) {
            argv.addAll(List.of("-u", Long.toString(spec.uid())));
        }
        if (spec.group() != null) {
            argv.addAll(List.of("-g", spec.group()));
        } else {
            // The promised "new group named like the user" regardless of the root's login.defs (without
            // USERGROUPS_ENAB useradd would put the user into GROUP=100 of etc/default/useradd, maybe absent there).
            argv.add("-U");
        }
        if (spec.groups() != null && !spec.groups().isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", spec.groups())));
        }
        UseraddDefaults defaults = UseraddDefaults.read(ctx.fs());
        String home = spec.home() != null ? spec.home()
                : Fs.join(check.configuredPath("HOME in " + UseraddDefaults.PATH, defaults.homeBase()), spec.name());
        if (spec.home() != null || alternate) {
            argv.addAll(List.of("-d", home));
        }
        String skel = spec.createHome() ? check.configuredPath("SKEL in " + UseraddDefaults.PATH, defaults.skel()) : null;
        if (spec.createHome()) {
            argv.add("-m");
            if (alternate) {
                // useradd --prefix copies the host's /etc/skel unless told otherwise; the root's skeleton is meant.
                argv.addAll(List.of("-k", ctx.fs().resolve(skel).toString()));
            }
        } else {
            argv.add("-M");
        }
        if (spec.shell() != null) {
            argv.addAll(List.of("-s", spec.shell()));
        }
        if (spec.comment() != null) {
            argv.addAll(List.of("-c", spec.comment()));
        }
        String spool = alternate && !system && defaults.mailSpool() ? mailSpoolDir(ctx, check, spec.name()) : null;
        if (spool != null) {
            argv.addAll(List.of("-K", "MAIL_DIR=" + spool));
        }
        if (alternate) {
            argv.add("-l");
        }
        argv.add(spec.name());
        String parent = home.substring(0, Math.max(1, home.lastIndexOf('/')));
        List<String> extra = new ArrayList<>();
        if (spec.createHome()) {
            extra.add(parent);
        }
        if (spool != null) {
            extra.add(spool);
        }
        ShadowCommands.run(ctx, argv, c -> {
            c.readable(UseraddDefaults.PATH);
            if (spec.createHome()) {
                c.home(home).skeleton(skel);
            }
            if (spool != null) {
                c.mailSpool(spool);
            }
        }, extra.toArray(String[]::new));
    }

    /**
     * Where useradd would create the user's mail spool on the root: login.defs' MAIL_DIR (or the built-in
     * /var/mail when neither MAIL_DIR nor MAIL_FILE is set), checked for {@code ..} and resolved inside the
     * root (a distribution's {@code var/mail -> spool/mail} link stays usable), as a path below the root.
     * Null when useradd creates none (MAIL_FILE only).
     */
    private static String mailSpoolDir(HostContext ctx, ShadowPreflight check, String name) {
        LoginDefs defs = LoginDefs.read(ctx.fs());
        String dir = defs.get("MAIL_DIR");
        if (dir == null) {
            if (defs.get("MAIL_FILE") != null) {
                return null;
            }
            dir = "/var/mail";
        }
        check.configuredPath("MAIL_DIR in " + LoginDefs.PATH, dir);
        java.nio.file.Path spoolFile = ctx.fs().resolve(Fs.join(dir, name));
        java.nio.file.Path resolved = ctx.root().relativize(spoolFile.getParent());
        return resolved.toString().isEmpty() ? "/" : "/" + resolved;
    }

    @Op(mutates = true, doc = "Removes the user with userdel (its sub-ID ranges go too) and its lingering "
            + "(var/lib/systemd/linger/NAME: logind keys it by name, so a later user of that name would linger). A "
            + "system account (uid outside UID_MIN..UID_MAX of the root's login.defs: root, daemons, nobody) is refused "
            + "unless {force:true}. On the live host it refuses while processes run as the user. {removeHome:true} also "
            + "deletes the home directory, only when the user owns it, never following symlinks. changed:false when "
            + "there was no such user and no lingering left of one.")
    public UserRemoved remove(HostContext ctx, @Doc("login name") String name,
                              @Optional @Doc("options") RemoveOptions options) {
        AccountName.check("name", name);
        boolean removeHome = options != null && options.removeHome();
        boolean force = options != null && options.force();
        Fs fs = ctx.fs();
        User u = Accounts.read(fs).user(name);
        if (u == null) {
            // A marker without its user: left by an interrupted remove, or by a tool that forgot it.
            return new UserRemoved(name, dropLingering(ctx, name), false, List.of());
        }
        if (u.system() && !force) {
            LoginDefs defs = LoginDefs.read(fs);
            throw new InvalidValueException("name", Check.quote(name) + " is a system account (uid "
                    + Long.toUnsignedString(u.uid()) + ", outside UID_MIN..UID_MAX = " + defs.uidMin() + ".." + defs.uidMax()
                    + " of " + LoginDefs.PATH + "); removing it needs {force: true}");
        }
        if (ctx.liveRoot()) {
            List<Long> pids = ProcessOwners.pidsOf(fs, u.uid());
            if (!pids.isEmpty()) {
                List<Long> shown = pids.subList(0, Math.min(10, pids.size()));
                throw new BosunException("user " + Check.quote(name) + " (uid " + u.uid() + ") still owns "
                        + pids.size() + " process(es) (PID " + shown.toString().replaceAll("[\\[\\]]", "")
                        + (pids.size() > shown.size() ? ", ..." : "") + "); stop them first (e.g. loginctl terminate-user "
                        + name + ") and retry");
            }
        }
        List<String> warnings = new ArrayList<>();
        ShadowCommands.run(ctx, List.of("userdel", name));
        dropLingering(ctx, name);
        boolean homeRemoved = false;
        if (removeHome) {
            homeRemoved = removeOwned(fs, u.home(), u.uid(), "home", warnings);
            removeOwned(fs, "/var/mail/" + name, u.uid(), "mail spool", warnings);
        }
        return new UserRemoved(name, true, homeRemoved, warnings);
    }

    /**
     * Deletes the lingering marker of a removed user. The file, not loginctl: loginctl resolves the name, which
     * no longer exists, and logind checks the marker's presence whenever it decides, so deleting it is enough.
     */
    private static boolean dropLingering(HostContext ctx, String name) {
        String marker = Fs.join(LINGER_DIR, name);
        if (!ctx.fs().exists(marker)) {
            return false;
        }
        ctx.plan().record(Change.note(marker, "lingering off: the user " + name + " is removed"));
        ctx.fs().delete(marker);
        return true;
    }

    /** Deletes a path the user owns; something owned by another uid (a shared or system dir) is left with a warning. */
    private static boolean removeOwned(Fs fs, String path, long uid, String what, List<String> warnings) {
        if (path == null || path.isEmpty() || path.equals("/") || !path.startsWith("/")) {
            warnings.add(what + " " + Check.quote(path) + " not removed: not a removable absolute path");
            return false;
        }
        FileStat st = fs.stat(path);
        if (st == null) {
            return false;
        }
        if (Integer.toUnsignedLong(st.uid()) != uid) {
            warnings.add(what + " " + path + " not removed: it is owned by uid " + Integer.toUnsignedLong(st.uid())
                    + ", not " + uid);
            return false;
        }
        return fs.deleteTree(path);
    }

    @Op(mutates = true, doc = "Switches lingering (the user's systemd manager runs without a login session). On the "
            + "live host with systemd as PID 1 this runs loginctl enable-linger/disable-linger; otherwise (--root, "
            + "containers) it creates or removes var/lib/systemd/linger/NAME, which is what logind reads at boot.")
    public Lingering linger(HostContext ctx, @Doc("login name") String name,
                            @Doc("true to enable, false to disable") boolean on) {
        AccountName.check("name", name);
        Fs fs = ctx.fs();
        if (Accounts.read(fs).user(name) == null) {
            throw new InvalidValueException("name", Check.quote(name) + " is not a user in /etc/passwd");
        }
        String marker = Fs.join(LINGER_DIR, name);
        boolean viaLoginctl = ctx.liveRoot() && systemdIsInit(fs);
        String method = viaLoginctl ? "loginctl" : "file";
        if (fs.exists(marker) == on) {
            return new Lingering(name, on, false, method);
        }
        if (viaLoginctl) {
            ctx.plan().record(Change.note(marker, "lingering " + (on ? "on" : "off") + " through loginctl (systemd is PID 1)"));
            ctx.exec().run(Command.of("loginctl", on ? "enable-linger" : "disable-linger", name));
        } else {
            ctx.plan().record(Change.note(marker, "lingering " + (on ? "on" : "off") + " through the marker file "
                    + "(no systemd as PID 1 on this root; logind reads it at boot)"));
            if (on) {
                fs.mkdirs(LINGER_DIR, 0755, null, null);
                fs.write(marker, new byte[0], WriteOptions.mode(0644));
            } else {
                fs.delete(marker);
            }
        }
        return new Lingering(name, on, true, method);
    }

    private static boolean systemdIsInit(Fs fs) {
        String comm = fs.readIfExists("/proc/1/comm");
        return comm != null && comm.strip().equals("systemd");
    }
}
