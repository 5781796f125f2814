package dev.bosun.stdlib.audit;

import dev.bosun.api.Doc;

/** One audit row: written before the operation ran (outcome started), completed after it. */
public record AuditEntry(
        @Doc("row number") long id,
        @Doc("when, ISO-8601 UTC") String time,
        @Doc("real uid of the caller") int uid,
        @Doc("effective uid of the caller") int euid,
        @Doc("user name of the caller") String user,
        @Doc("repl, -e, or the script path") String source,
        @Doc("module.op") String op,
        @Doc("arguments as JSON: secrets masked, file contents as {bytes, sha256}") String args,
        @Doc("whether the host changed") boolean changed,
        @Doc("ok, error, refused; started while it runs; interrupted when its process died before the end")
        String outcome,
        @Doc("the error message when the operation failed") String error,
        @Doc("process id of the Bosun that ran it (null for rows older than this field)") Integer pid) {
}
