package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;

import java.util.List;

/** A group as the root's {@code etc/group} describes it. */
@Doc("A group from etc/group")
public record Group(
        @Doc("group name") String name,
        @Doc("numeric group id") long gid,
        @Doc("users listed as supplementary members") List<String> members,
        @Doc("true when the gid is outside GID_MIN..GID_MAX of login.defs") boolean system) {
}
