package dev.bosun.stdlib.rootless;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.users.AccountName;

/** Options of {@code rootless.check}. */
@Doc("Options of rootless.check.")
public record RootlessCheckOptions(
        @Optional @Doc("the user who would run the containers (from the root's etc/passwd); default: the caller, "
                + "and only host-wide findings when the caller is root") String user) {

    public RootlessCheckOptions {
        if (user != null) {
            AccountName.check("user", user);
        }
    }
}
