package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.List;

/** What {@code users.ensure} makes true. Left-out fields are not checked and not changed on an existing user. */
@Doc("The user users.ensure makes exist")
public record UserSpec(
        @Doc("login name, [a-z_][a-z0-9_-]*[$]?, at most 32 characters") String name,
        @Optional @Doc("system account (useradd -r: uid from the system range, no sub-IDs); default false when creating, not compared when left out") Boolean system,
        @Optional @Doc("numeric uid; must not belong to another user") Long uid,
        @Optional @Doc("primary group name or numeric gid; must exist (default: a new group named like the user)") String group,
        @Optional @Doc("supplementary groups the user must be a member of; they must exist; other memberships are kept") List<String> groups,
        @Optional @Doc("home directory, absolute") String home,
        @Optional @Doc("create the home directory when creating the user (useradd -m); default false") Boolean createHome,
        @Optional @Doc("login shell, absolute; a warning when the root's etc/shells does not list it") String shell,
        @Optional @Doc("GECOS comment; no ':' or newlines") String comment) {

    public UserSpec {
        AccountName.check("name", name);
        createHome = createHome != null && createHome;
        AccountName.id("uid", uid);
        if (group != null && !PasswdEntry.isId(group)) {
            AccountName.check("group", group);
        }
        if (groups != null) {
            for (String g : groups) {
                AccountName.check("groups", g);
            }
            groups = List.copyOf(groups);
        }
        AccountName.path("home", home);
        AccountName.path("shell", shell);
        AccountName.field("comment", comment);
        if (home != null && home.equals("/") && createHome) {
            throw new InvalidValueException("home", "\"/\" cannot be created as a home directory");
        }
    }
}
