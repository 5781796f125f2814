package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;

/** A user account as the root's {@code etc/passwd} and {@code etc/group} describe it. */
@Doc("A user account from etc/passwd, with its supplementary groups from etc/group")
public record User(
        @Doc("login name") String name,
        @Doc("numeric user id") long uid,
        @Doc("numeric primary group id") long gid,
        @Doc("primary group name, or null when no group has that gid") @Nullable String group,
        @Doc("GECOS comment field") String comment,
        @Doc("home directory") String home,
        @Doc("login shell") String shell,
        @Doc("true when the uid is outside UID_MIN..UID_MAX of login.defs (root, daemons, nobody)") boolean system,
        @Doc("supplementary groups: groups that list the user as a member") List<String> groups) {
}
