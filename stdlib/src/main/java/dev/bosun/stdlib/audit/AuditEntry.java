package dev.bosun.stdlib.audit;

import dev.bosun.api.Doc;

/** One audit row. */
public record AuditEntry(
        @Doc("row number") long id,
        @Doc("when, ISO-8601 UTC") String time,
        @Doc("real uid of the caller") int uid,
        @Doc("effective uid of the caller") int euid,
        @Doc("user name of the caller") String user,
        @Doc("repl, -e, or the script path") String source,
        @Doc("module.op") String op,
        @Doc("arguments as JSON, secrets redacted") String args,
        @Doc("whether the host changed") boolean changed,
        @Doc("ok or error") String outcome,
        @Doc("the error message when the operation failed") String error) {
}
