package dev.bosun.stdlib.audit;

import dev.bosun.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What audit.list shows: who ran Bosun (sudo's invoker), local time to the second, arguments as an object. */
class AuditShapeTest {
    private static final Caller ROOT = new Caller(0, 0, "root");

    @Test
    void underSudoTheInvokingUserIsRecorded() {
        assertEquals(new Invoker(1000, "alice"), Invoker.of(ROOT, Map.of("SUDO_UID", "1000", "SUDO_USER", "alice")));
        assertEquals(new Invoker(1000, "1000"), Invoker.of(ROOT, Map.of("SUDO_UID", "1000")), "no name: the number");
        assertEquals(new Invoker(0, "root"), Invoker.of(ROOT, Map.of()), "plain root");
    }

    @Test
    void sudoVariablesAreBelievedOnlyWhenTheRealUidIsRoot() {
        Caller alice = new Caller(1000, 1000, "alice");
        assertEquals(new Invoker(1000, "alice"), Invoker.of(alice, Map.of("SUDO_UID", "0", "SUDO_USER", "root")),
                "an unprivileged user cannot pass as someone else");
        assertEquals(new Invoker(0, "root"), Invoker.of(ROOT, Map.of("SUDO_UID", "-1")));
        assertEquals(new Invoker(0, "root"), Invoker.of(ROOT, Map.of("SUDO_UID", "99999999999")));
        assertEquals(new Invoker(7, "7"), Invoker.of(ROOT, Map.of("SUDO_UID", "7", "SUDO_USER", "x\u001b[2Jy")),
                "a name that is no account name is not recorded");
    }

    @Test
    void timeIsLocalToTheSecondAndTheSameInstant() {
        String stored = "2026-11-22T13:03:07.123456Z";
        String shown = AuditEntry.localTime(stored);
        assertTrue(shown.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)"), shown);
        assertEquals(Instant.parse(stored).truncatedTo(ChronoUnit.SECONDS), OffsetDateTime.parse(shown).toInstant());
        assertEquals("yesterday", AuditEntry.localTime("yesterday"), "a row not written by Bosun is shown as it is");
    }

    @Test
    void argumentsAreAnObject() {
        assertEquals(Map.of("spec", Map.of("name", "a", "password", "***")),
                AuditEntry.args("{\"spec\":{\"name\":\"a\",\"password\":\"***\"}}"));
        assertEquals(Map.of("text", "not json"), AuditEntry.args("not json"));
    }
}
