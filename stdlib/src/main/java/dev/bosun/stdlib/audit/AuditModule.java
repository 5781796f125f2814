package dev.bosun.stdlib.audit;

import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read access to the audit trail that every applied mutating operation writes (see {@link AuditLog}). */
@Module(name = "audit", doc = "The audit trail: who ran which mutating operation, with which arguments (secrets masked, "
        + "file contents as size and SHA-256), and what happened. Written before each change and completed after it; "
        + "when it cannot be written, nothing changes.")
public final class AuditModule implements HostModule {

    @Op(doc = "Newest audit rows first. limit (default 50, at most 10000); since: an ISO-8601 instant, a date "
            + "(2026-11-22) or an age like 30m, 2h, 7d; op: a module.op name or a module name. outcome is ok, error, "
            + "refused, started (still running) or interrupted (its process died before the operation ended).")
    public List<AuditEntry> list(HostContext ctx, @Optional ListOptions options) {
        return AuditLog.query(ctx, options.limit(), options.sinceInstant(), options.op());
    }

    /** Filters for {@code audit.list}. */
    public record ListOptions(
            @Doc("how many rows at most (default 50)") @Optional Integer limit,
            @Doc("only rows at or after: ISO instant, date, or age like 2h") @Optional String since,
            @Doc("only this module.op, or all ops of a module") @Optional String op) {
        private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");
        private static final Pattern OP = Pattern.compile("[a-z][a-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_.]*)?");

        public ListOptions {
            limit = limit == null ? 50 : limit;
            if (limit < 1 || limit > 10_000) {
                throw new InvalidValueException("limit", limit + " must be between 1 and 10000");
            }
            if (op != null && !OP.matcher(op).matches()) {
                throw new InvalidValueException("op", dev.bosun.api.Check.quote(op) + " must be a module or module.op name");
            }
            if (since != null) {
                parseSince(since);
            }
        }

        Instant sinceInstant() {
            return since == null ? null : parseSince(since);
        }

        private static Instant parseSince(String s) {
            Matcher m = AGE.matcher(s);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return Instant.now().minus(d);
            }
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw new InvalidValueException("since", dev.bosun.api.Check.quote(s)
                            + " must be an ISO-8601 instant, a date (2026-11-22) or an age like 30m, 2h, 7d");
                }
            }
        }
    }
}
