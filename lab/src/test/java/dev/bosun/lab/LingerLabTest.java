package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** users.linger against a real logind: the user's systemd manager comes up without a login and goes away. */
@Lab
class LingerLabTest {
    private static final int ATTEMPTS = 240;

    @Test
    void lingerOnStartsTheUsersManagerAndOffStopsIt(LabBox box) throws Exception {
        box.eval("users.ensure({name: 'lingerer', system: false, createHome: true, shell: '/usr/sbin/nologin'})");
        String uid = box.run("id", "-u", "lingerer").strip();

        JsonNode on = box.eval("users.linger('lingerer', true)");
        assertTrue(on.get("changed").asBoolean(), on.toString());
        assertEquals("loginctl", on.get("method").asText(), "systemd is PID 1 in the box");
        LabBox.Result running = box.await(r -> r.out().strip().equals("running"), ATTEMPTS,
                "systemctl", "--user", "-M", "lingerer@", "is-system-running");
        assertEquals("running", running.out().strip(), running.toString());
        assertTrue(box.exec("test", "-e", "/var/lib/systemd/linger/lingerer").ok(), "logind's linger marker");

        JsonNode again = box.eval("users.linger('lingerer', true)");
        assertFalse(again.get("changed").asBoolean(), "lingering was on already: " + again);

        JsonNode off = box.eval("users.linger('lingerer', false)");
        assertTrue(off.get("changed").asBoolean(), off.toString());
        LabBox.Result gone = box.await(r -> r.out().strip().equals("inactive"), ATTEMPTS,
                "systemctl", "is-active", "user@" + uid + ".service");
        assertEquals("inactive", gone.out().strip(), gone.toString());
        LabBox.Result manager = box.exec("systemctl", "--user", "-M", "lingerer@", "is-system-running");
        assertNotEquals(0, manager.status(), "no user manager to answer: " + manager);
        assertFalse(box.exec("test", "-e", "/var/lib/systemd/linger/lingerer").ok());
    }

    /**
     * logind keeps lingering by name (/var/lib/systemd/linger/NAME): a marker that outlives its user makes the
     * next user of that name linger, its manager starting at every boot without anybody asking for it.
     */
    @Test
    void removingAUserTakesItsLingeringAlong(LabBox box) throws Exception {
        box.eval("users.ensure({name: 'leaver', system: false, createHome: true, shell: '/usr/sbin/nologin'})");
        String uid = box.run("id", "-u", "leaver").strip();
        box.eval("users.linger('leaver', true)");
        box.await(r -> r.out().strip().equals("running"), ATTEMPTS, "systemctl", "--user", "-M", "leaver@", "is-system-running");
        // The manager stops (as after `loginctl terminate-user`) while lingering stays on: nothing runs as the
        // user, so users.remove goes ahead.
        box.run("systemctl", "stop", "user@" + uid + ".service");
        box.await(r -> !r.ok(), ATTEMPTS, "pgrep", "-u", uid);

        JsonNode removed = box.eval("users.remove('leaver')");
        assertTrue(removed.get("changed").asBoolean(), removed.toString());
        assertFalse(box.exec("test", "-e", "/var/lib/systemd/linger/leaver").ok(),
                "users.remove left /var/lib/systemd/linger/leaver: the next user named leaver would linger");

        box.eval("users.ensure({name: 'leaver', system: false, createHome: true, shell: '/usr/sbin/nologin'})");
        JsonNode state = box.eval("users.linger('leaver', false)");
        assertFalse(state.get("changed").asBoolean(), "the new leaver must not inherit lingering: " + state);
    }
}
