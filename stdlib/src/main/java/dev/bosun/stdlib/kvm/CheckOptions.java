package dev.bosun.stdlib.kvm;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code kvm.check}. */
@Doc("Options of kvm.check.")
public record CheckOptions(
        @Optional @Doc("check access for this user (from the root's etc/passwd and etc/group) instead of the caller") String user) {

    public CheckOptions {
        if (user != null) {
            UserName.check("user", user);
        }
    }
}
