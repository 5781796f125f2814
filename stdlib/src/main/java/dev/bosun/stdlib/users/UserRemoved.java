package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;

import java.util.List;

/** What {@code users.remove} did. */
@Doc("Result of users.remove")
public record UserRemoved(
        @Doc("login name") String name,
        @Doc("false when there was no such user") boolean changed,
        @Doc("true when the home directory was deleted") boolean homeRemoved,
        @Doc("things left alone and why, e.g. a home owned by someone else") List<String> warnings) {
}
