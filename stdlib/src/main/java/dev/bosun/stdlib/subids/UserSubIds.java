package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;

import java.util.List;

/** A user's subordinate ranges in both files. */
@Doc("A user's sub-UID and sub-GID ranges")
public record UserSubIds(
        @Doc("login name") String user,
        @Doc("ranges in etc/subuid owned by the name or the numeric uid") List<SubIdRange> uid,
        @Doc("ranges in etc/subgid owned by the name or the numeric uid") List<SubIdRange> gid) {
}
