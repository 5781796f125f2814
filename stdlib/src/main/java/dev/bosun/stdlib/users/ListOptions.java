package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Filter of {@code users.list}. */
@Doc("Filter of users.list")
public record ListOptions(
        @Optional @Doc("true: only system accounts; false: only regular accounts; left out: all") Boolean system) {
}
