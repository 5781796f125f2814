package dev.bosun.stdlib.users;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;

import java.util.ArrayList;
import java.util.List;

/** Groups of the host root, read from etc/group and changed through shadow-utils with --prefix. */
@Module(name = "groups", doc = "Groups: list and inspect them, create them with groupadd and add members with "
        + "usermod -aG (with --prefix under --root, so dry-run shows the exact diff).")
public final class GroupsModule implements HostModule {

    @Op(doc = "Groups from the root's etc/group.")
    public List<Group> list(HostContext ctx) {
        return Accounts.read(ctx.fs()).groups();
    }

    @Op(doc = "One group by name, or null when there is none.")
    public @Nullable Group get(HostContext ctx, @Doc("group name") String name) {
        AccountName.check("name", name);
        return Accounts.read(ctx.fs()).group(name);
    }

    @Op(mutates = true, doc = "Makes the group exist (groupadd, -r for system groups). An existing group is left "
            + "as it is (a gshadow line an interrupted groupadd left out is added); a different gid is reported as a warning. changed:false when it already existed and nothing was repaired.")
    public GroupEnsured ensure(HostContext ctx, @Doc("the group") GroupSpec spec) {
        Fs fs = ctx.fs();
        Accounts db = Accounts.read(fs);
        if (spec.gid() != null) {
            Group owner = db.groupByGid(spec.gid());
            if (owner != null && !owner.name().equals(spec.name())) {
                throw new InvalidValueException("gid", spec.gid() + " is already used by group " + Check.quote(owner.name()));
            }
        }
        Group existing = db.group(spec.name());
        if (existing != null) {
            List<String> warnings = new ArrayList<>();
            if (spec.gid() != null && spec.gid() != existing.gid()) {
                warnings.add("gid is " + existing.gid() + ", asked " + spec.gid() + "; not changed");
            }
            if (spec.system() && !existing.system()) {
                warnings.add("group is a regular group, asked system; not changed");
            }
            // A groupadd killed between its group and gshadow writes leaves the gshadow line out.
            List<String> repaired = new ArrayList<>();
            new AccountRepair(ctx, repaired, warnings).gshadowLine(db, spec.name());
            if (repaired.isEmpty()) {
                ShadowCommands.cleanUp(ctx); // what a killed groupadd left in /etc
            }
            return new GroupEnsured(spec.name(), !repaired.isEmpty(), false,
                    repaired.isEmpty() ? existing : Accounts.read(fs).group(spec.name()), warnings);
        }
        List<String> argv = new ArrayList<>(List.of("groupadd"));
        if (spec.system()) {
            argv.add("-r");
        }
        if (spec.gid() != null) {
            argv.addAll(List.of("-g", Long.toString(spec.gid())));
        }
        argv.add(spec.name());
        ShadowCommands.run(ctx, argv);
        return new GroupEnsured(spec.name(), true, true, Accounts.read(fs).group(spec.name()), List.of());
    }

    @Op(mutates = true, doc = "Makes the user a supplementary member of the group (usermod -aG). Both must exist. "
            + "changed:false when the user already is a member.")
    public GroupEnsured addMember(HostContext ctx, @Doc("group name") String group, @Doc("login name") String user) {
        AccountName.check("group", group);
        AccountName.check("user", user);
        Fs fs = ctx.fs();
        Accounts db = Accounts.read(fs);
        Group g = db.group(group);
        if (g == null) {
            throw new InvalidValueException("group", Check.quote(group) + " does not exist in /etc/group; create it first with groups.ensure");
        }
        if (db.user(user) == null) {
            throw new InvalidValueException("user", Check.quote(user) + " does not exist in /etc/passwd; create it first with users.ensure");
        }
        if (g.members().contains(user)) {
            return new GroupEnsured(group, false, false, g, List.of());
        }
        ShadowCommands.run(ctx, List.of("usermod", "-a", "-G", group, user));
        return new GroupEnsured(group, true, false, Accounts.read(fs).group(group), List.of());
    }

    @Op(mutates = true, doc = "Removes the group with groupdel. Refused while it is a user's primary group, and for a system "
            + "group (gid outside GID_MIN..GID_MAX of login.defs) unless force is true. changed:false when there was none.")
    public GroupRemoved remove(HostContext ctx, @Doc("group name") String name,
                               @dev.bosun.api.Optional @Doc("true to remove a system group") Boolean force) {
        AccountName.check("name", name);
        Accounts db = Accounts.read(ctx.fs());
        Group g = db.group(name);
        if (g == null) {
            return new GroupRemoved(name, false);
        }
        for (User u : db.users()) {
            if (u.gid() == g.gid()) {
                throw new InvalidValueException("name", Check.quote(name) + " is the primary group of user "
                        + Check.quote(u.name()) + "; remove or move that user first");
            }
        }
        if (g.system() && !Boolean.TRUE.equals(force)) {
            throw new InvalidValueException("name", Check.quote(name) + " is a system group (gid " + g.gid()
                    + ", outside GID_MIN..GID_MAX of " + LoginDefs.PATH + "); removing it needs force: true");
        }
        ShadowCommands.run(ctx, List.of("groupdel", name));
        return new GroupRemoved(name, true);
    }
}
