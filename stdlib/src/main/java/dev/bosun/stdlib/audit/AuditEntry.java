package dev.bosun.stdlib.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit row: written before the operation ran (outcome started), completed after it. The fields people
 * scan come first: a table too wide for the terminal leaves out its last columns.
 */
public record AuditEntry(
        @Doc("row number") long id,
        @Doc("when, in local time to the second with its UTC offset (ISO-8601, e.g. 2026-11-22T14:03:07+01:00)")
        String time,
        @Doc("name of the user who ran Bosun (SUDO_USER under sudo)") String user,
        @Doc("module.op") String op,
        @Doc("ok, error, refused; started while it runs; interrupted when its process died before the end")
        String outcome,
        @Doc("whether the host changed") boolean changed,
        @Doc("the named arguments: secrets masked, file contents as {bytes, sha256}") Map<String, Object> args,
        @Doc("repl, -e, or the script path") String source,
        @Doc("the error message when the operation failed") String error,
        @Doc("the user who ran Bosun: SUDO_UID under sudo, else the real uid") int uid,
        @Doc("the effective uid Bosun ran with (0 under sudo)") int euid,
        @Doc("process id of the Bosun that ran it (null for rows older than this field)") @Nullable Integer pid) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored instant (UTC, as written) in this machine's time zone, to the second. */
    static String localTime(String stored) {
        try {
            return OffsetDateTime.ofInstant(Instant.parse(stored), ZoneId.systemDefault())
                    .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return stored; // not written by this code: shown as it is
        }
    }

    /** The stored arguments (a JSON object, {@link AuditArgs}); text that is not one is kept under "text". */
    static Map<String, Object> args(String stored) {
        try {
            Map<String, Object> m = JSON.readValue(stored, new TypeReference<LinkedHashMap<String, Object>>() { });
            if (m != null) {
                return m;
            }
        } catch (JsonProcessingException e) {
            // falls through: the row is shown, not lost
        }
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("text", stored);
        return text;
    }
}
