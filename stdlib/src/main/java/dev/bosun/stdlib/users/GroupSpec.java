package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** What {@code groups.ensure} makes true. */
@Doc("The group groups.ensure makes exist")
public record GroupSpec(
        @Doc("group name, [a-z_][a-z0-9_-]*[$]?, at most 32 characters") String name,
        @Optional @Doc("system group (groupadd -r); default false") Boolean system,
        @Optional @Doc("numeric gid; must not belong to another group") Long gid) {

    public GroupSpec {
        AccountName.check("name", name);
        system = system != null && system;
        AccountName.id("gid", gid);
    }
}
