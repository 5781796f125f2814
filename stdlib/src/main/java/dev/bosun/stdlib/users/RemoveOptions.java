package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code users.remove}. */
@Doc("Options of users.remove")
public record RemoveOptions(
        @Optional @Doc("also delete the home directory (only when the user owns it) and mail spool; default false")
        Boolean removeHome,
        @Optional @Doc("remove a system account too (uid outside UID_MIN..UID_MAX of login.defs, e.g. root); default false")
        Boolean force) {

    public RemoveOptions {
        removeHome = removeHome != null && removeHome;
        force = force != null && force;
    }
}
