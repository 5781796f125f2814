package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;

/** What {@code groups.remove} did. */
@Doc("Result of groups.remove")
public record GroupRemoved(
        @Doc("group name") String name,
        @Doc("false when there was no such group") boolean changed) {
}
