package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;

import java.util.List;

/** What {@code users.ensure} found and did. */
@Doc("Result of users.ensure")
public record UserEnsured(
        @Doc("login name") String name,
        @Doc("true when the host changed (or, under dry-run, would change)") boolean changed,
        @Doc("true when the user was created") boolean created,
        @Doc("the user as it is now (under dry-run: as it would be)") User user,
        @Doc("what differed from the request, e.g. 'shell /bin/sh -> /usr/sbin/nologin'") List<String> differences,
        @Doc("things worth knowing that did not stop the call, e.g. a shell missing from etc/shells or a uid that ensure does not renumber") List<String> warnings) {
}
