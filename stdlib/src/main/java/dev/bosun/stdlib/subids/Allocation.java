package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;

import java.util.List;

/** What {@code subids.allocate} gave a user. */
@Doc("Result of subids.allocate")
public record Allocation(
        @Doc("login name") String user,
        @Doc("strategy used for new ranges") Strategy strategy,
        @Doc("false when the user already had large enough ranges in both files") boolean changed,
        @Doc("the user's sub-UID range (kept or new)") SubIdRange uid,
        @Doc("the user's sub-GID range (kept or new)") SubIdRange gid,
        @Doc("what was kept or added, per file") List<String> notes) {
}
