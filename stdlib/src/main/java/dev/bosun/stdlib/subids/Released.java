package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;

import java.util.List;

/** What {@code subids.release} removed. */
@Doc("Result of subids.release")
public record Released(
        @Doc("login name") String user,
        @Doc("false when the user had no ranges") boolean changed,
        @Doc("the removed lines (line numbers as they were)") List<SubIdRange> removed) {
}
