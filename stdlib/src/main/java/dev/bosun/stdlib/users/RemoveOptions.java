package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code users.remove}. */
@Doc("Options of users.remove")
public record RemoveOptions(
        @Optional @Doc("also delete the home directory (only when the user owns it) and mail spool; default false")
        Boolean removeHome) {

    public RemoveOptions {
        removeHome = removeHome != null && removeHome;
    }
}
