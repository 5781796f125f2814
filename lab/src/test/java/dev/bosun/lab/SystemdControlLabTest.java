package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systemd module against real managers, the system's and a user's: start, stop, enable, disable and
 * daemonReload are ensures (changed:false and an empty plan when already so, also under dry-run), restart
 * always restarts, status reads the real state, and a unit that fails is an error that names it and quotes
 * its journal.
 */
@Lab
class SystemdControlLabTest {
    private static final String SLEEPER = """
            [Unit]
            Description=lab sleeper
            [Service]
            ExecStart=/bin/sleep infinity
            [Install]
            WantedBy=multi-user.target
            """;
    private static final String BROKEN = """
            [Unit]
            Description=lab broken
            [Service]
            Type=oneshot
            ExecStart=/bin/sh -c 'echo "lab-broken: cannot open /srv/lab-config" >&2; exit 3'
            """;
    private static final String NO_CHANGES = "Plan (dry-run): no changes.";

    @Test
    void startAndStopAreEnsures(LabBox box) throws Exception {
        unit(box, "/etc/systemd/system/lab-sleeper.service", SLEEPER);
        LabBox.Result plan = box.bosun("--dry-run", "-e", "systemd.start('lab-sleeper.service')");
        assertTrue(plan.all().contains("$ systemctl --no-ask-password start lab-sleeper.service"), plan.toString());

        assertTrue(box.eval("systemd.start('lab-sleeper.service')").get("changed").asBoolean());
        JsonNode status = box.eval("systemd.status('lab-sleeper.service')");
        assertEquals("active", status.get("activeState").asText(), status.toString());
        assertEquals("running", status.get("subState").asText(), status.toString());
        long pid = status.get("mainPid").asLong();
        assertTrue(pid > 0, status.toString());

        assertFalse(box.eval("systemd.start('lab-sleeper.service')").get("changed").asBoolean(), "already active");
        assertTrue(box.bosun("--dry-run", "-e", "systemd.start('lab-sleeper.service')").all().contains(NO_CHANGES));
        assertEquals(pid, box.eval("systemd.status('lab-sleeper.service')").get("mainPid").asLong(), "not restarted");

        assertTrue(box.eval("systemd.stop('lab-sleeper.service')").get("changed").asBoolean());
        status = box.eval("systemd.status('lab-sleeper.service')");
        assertEquals("inactive", status.get("activeState").asText(), status.toString());
        assertEquals("dead", status.get("subState").asText(), status.toString());
        assertFalse(box.eval("systemd.stop('lab-sleeper.service')").get("changed").asBoolean(), "already stopped");
        assertTrue(box.bosun("--dry-run", "-e", "systemd.stop('lab-sleeper.service')").all().contains(NO_CHANGES));
    }

    @Test
    void restartAlwaysRestarts(LabBox box) throws Exception {
        unit(box, "/etc/systemd/system/lab-restarted.service", SLEEPER);
        box.eval("systemd.start('lab-restarted.service')");
        long before = box.eval("systemd.status('lab-restarted.service')").get("mainPid").asLong();
        assertTrue(box.eval("systemd.restart('lab-restarted.service')").get("changed").asBoolean());
        JsonNode after = box.eval("systemd.status('lab-restarted.service')");
        assertEquals("active", after.get("activeState").asText(), after.toString());
        assertNotEquals(before, after.get("mainPid").asLong(), "a new main process");
        box.eval("systemd.stop('lab-restarted.service')");
    }

    @Test
    void enableAndDisableAreEnsures(LabBox box) throws Exception {
        unit(box, "/etc/systemd/system/lab-enabled.service", SLEEPER);
        assertTrue(box.eval("systemd.enable('lab-enabled.service')").get("changed").asBoolean());
        assertEquals("enabled", box.exec("systemctl", "is-enabled", "lab-enabled.service").out().strip());
        assertFalse(box.eval("systemd.enable('lab-enabled.service')").get("changed").asBoolean(), "already enabled");
        assertTrue(box.bosun("--dry-run", "-e", "systemd.enable('lab-enabled.service')").all().contains(NO_CHANGES));

        assertTrue(box.eval("systemd.disable('lab-enabled.service')").get("changed").asBoolean());
        assertEquals("disabled", box.exec("systemctl", "is-enabled", "lab-enabled.service").out().strip());
        assertFalse(box.eval("systemd.disable('lab-enabled.service')").get("changed").asBoolean(), "already disabled");
        assertTrue(box.bosun("--dry-run", "-e", "systemd.disable('lab-enabled.service')").all().contains(NO_CHANGES));
    }

    @Test
    void daemonReloadOnlyWhenAUnitChangedOnDisk(LabBox box) throws Exception {
        unit(box, "/etc/systemd/system/lab-reloaded.service", SLEEPER);
        box.eval("systemd.start('lab-reloaded.service')");
        box.eval("systemd.daemonReload()");
        assertFalse(box.eval("systemd.daemonReload()").get("changed").asBoolean(), "nothing changed since the last reload");
        assertTrue(box.bosun("--dry-run", "-e", "systemd.daemonReload()").all().contains(NO_CHANGES));

        unit(box, "/etc/systemd/system/lab-reloaded.service", SLEEPER.replace("lab sleeper", "lab sleeper, edited"));
        LabBox.Result plan = box.bosun("--dry-run", "-e", "systemd.daemonReload()");
        assertTrue(plan.all().contains("$ systemctl --no-ask-password daemon-reload"), plan.toString());
        assertTrue(box.eval("systemd.daemonReload()").get("changed").asBoolean(), "the unit file changed");
        assertEquals("lab sleeper, edited", box.run("systemctl", "show", "-P", "Description", "lab-reloaded.service").strip());
        assertFalse(box.eval("systemd.daemonReload()").get("changed").asBoolean());
        box.eval("systemd.stop('lab-reloaded.service')");
    }

    @Test
    void aFailingSystemUnitIsAnErrorThatQuotesItsJournal(LabBox box) throws Exception {
        unit(box, "/etc/systemd/system/lab-broken.service", BROKEN);
        LabBox.Result start = box.bosun("-e", "systemd.start('lab-broken.service')");
        assertEquals(1, start.status(), start.toString());
        assertTrue(start.err().contains("lab-broken.service"), "the error names the unit: " + start);
        assertTrue(start.err().contains("lab-broken: cannot open /srv/lab-config"), "the error quotes the journal: " + start);
        assertEquals(1, start.err().strip().split("\n").length, "one line: " + start);

        JsonNode status = box.eval("systemd.status('lab-broken.service')");
        assertEquals("failed", status.get("activeState").asText(), status.toString());
        assertEquals("failed", status.get("subState").asText(), status.toString());
    }

    @Test
    void aUsersManagerIsControlledTheSameWay(LabBox box) throws Exception {
        box.eval("users.ensure({name: 'ctl', system: false, createHome: true, shell: '/usr/sbin/nologin'})");
        box.eval("users.linger('ctl', true)");
        box.await(r -> r.out().strip().equals("running"), 240, "systemctl", "--user", "-M", "ctl@", "is-system-running");
        box.run("runuser", "-u", "ctl", "--", "mkdir", "-p", "/home/ctl/.config/systemd/user");
        unit(box, "/home/ctl/.config/systemd/user/lab-sleeper.service", SLEEPER.replace("multi-user", "default"));
        unit(box, "/home/ctl/.config/systemd/user/lab-broken.service", BROKEN);
        box.run("chown", "-R", "ctl:ctl", "/home/ctl/.config");

        assertTrue(box.eval("systemd.start('lab-sleeper.service', {user: 'ctl'})").get("changed").asBoolean());
        assertEquals("active", box.eval("systemd.status('lab-sleeper.service', {user: 'ctl'})").get("activeState").asText());
        assertFalse(box.eval("systemd.start('lab-sleeper.service', {user: 'ctl'})").get("changed").asBoolean());
        assertTrue(box.eval("systemd.enable('lab-sleeper.service', {user: 'ctl'})").get("changed").asBoolean());
        assertFalse(box.eval("systemd.enable('lab-sleeper.service', {user: 'ctl'})").get("changed").asBoolean());
        assertTrue(box.eval("systemd.stop('lab-sleeper.service', {user: 'ctl'})").get("changed").asBoolean());
        assertFalse(box.eval("systemd.stop('lab-sleeper.service', {user: 'ctl'})").get("changed").asBoolean());

        LabBox.Result start = box.bosun("-e", "systemd.start('lab-broken.service', {user: 'ctl'})");
        assertEquals(1, start.status(), start.toString());
        assertTrue(start.err().contains("lab-broken.service"), "the error names the unit: " + start);
        assertTrue(start.err().contains("lab-broken: cannot open /srv/lab-config"), "the error quotes the user's journal: " + start);
        assertEquals("failed", box.eval("systemd.status('lab-broken.service', {user: 'ctl'})").get("activeState").asText());
    }

    private static void unit(LabBox box, String path, String text) throws Exception {
        box.run("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", text, path);
    }
}
