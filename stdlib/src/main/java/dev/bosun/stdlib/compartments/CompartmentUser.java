package dev.bosun.stdlib.compartments;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.users.AccountName;

/** Options of the compartment's user {@code qm-<id>}. */
@Doc("Options of the compartment user qm-<id>")
public record CompartmentUser(
        @Optional @Doc("home directory, absolute; default: useradd's (HOME of etc/default/useradd, /home/qm-<id>)") String home,
        @Optional @Doc("login shell; default /usr/sbin/nologin") String shell,
        @Optional @Doc("GECOS comment; default 'bosun compartment <id>'") String comment) {

    public CompartmentUser {
        AccountName.path("home", home);
        AccountName.path("shell", shell);
        AccountName.field("comment", comment);
        if ("/".equals(home)) {
            throw new dev.bosun.api.InvalidValueException("home", "\"/\" cannot be a compartment's home");
        }
    }
}
