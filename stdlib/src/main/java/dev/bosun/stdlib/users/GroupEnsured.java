package dev.bosun.stdlib.users;

import dev.bosun.api.Doc;

import java.util.List;

/** What {@code groups.ensure} and {@code groups.addMember} found and did. */
@Doc("Result of groups.ensure and groups.addMember")
public record GroupEnsured(
        @Doc("group name") String name,
        @Doc("true when the host changed (or, under dry-run, would change)") boolean changed,
        @Doc("true when the group was created") boolean created,
        @Doc("the group as it is now") Group group,
        @Doc("what differs from the request and was left alone, e.g. a different gid") List<String> warnings) {
}
