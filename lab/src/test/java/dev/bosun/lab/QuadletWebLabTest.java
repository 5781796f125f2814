package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/quadlet-web.js as its header says to run it, on a real host: a user with sub-IDs and lingering,
 * three Quadlet units, the user's manager generating and starting the service, a container answering HTTP with
 * what was written into its volume; idempotent on a second run; back by itself after a reboot. The methods
 * build on each other in one box, in order.
 */
@Lab
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuadletWebLabTest {
    private static final String[] SCRIPT = {"run", "scripts/quadlet-web.js", "web", "localhost/bb", "8080"};
    private static final String UNITS = "/home/web/.config/containers/systemd/";
    private static final String CONTENT = "served from the web-content volume\n";
    private static final int ATTEMPTS = 240;
    private static final String ACCOUNTS = "sha256sum /etc/passwd /etc/group /etc/shadow /etc/gshadow /etc/subuid "
            + "/etc/subgid && ls -l --time-style=full-iso /var/lib/systemd/linger";

    @Test
    @Order(1)
    void theScriptInstallsAndStartsAServiceThatAnswersHttp(LabBox box) throws Exception {
        LabBox.Result run = box.bosun(SCRIPT);
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("started web.service for web"), run.toString());
        for (String unit : new String[]{"web.network", "web-content.volume", "web.container"}) {
            assertEquals("web web", box.run("stat", "-c", "%U %G", UNITS + unit).strip(), unit + " belongs to web");
        }

        JsonNode status = box.eval("systemd.status('web.service', {user: 'web'})");
        assertEquals("loaded", status.get("loadState").asText(), status.toString());
        assertEquals("active", status.get("activeState").asText(), status.toString());
        assertEquals("running", status.get("subState").asText(), status.toString());
        assertTrue(status.get("mainPid").asLong() > 0, status.toString());

        // Content written into the named volume as its owner, the way the user would.
        String uid = box.run("id", "-u", "web").strip();
        box.run("runuser", "-u", "web", "--", "env", "XDG_RUNTIME_DIR=/run/user/" + uid, "sh", "-c",
                "cd / && printf '%s' \"$1\" > \"$(podman volume inspect -f '{{.Mountpoint}}' systemd-web-content)/index.html\"",
                "sh", CONTENT);
        assertServes(box);
    }

    @Test
    @Order(2)
    void aSecondRunPlansAndChangesNothing(LabBox box) throws Exception {
        LabBox.Result plan = box.bosun(prepend("--dry-run", SCRIPT));
        assertEquals(0, plan.status(), plan.toString());
        assertTrue(plan.all().contains("Plan (dry-run): no changes."), "the dry-run of a second run plans nothing: " + plan);

        String generated = box.run("stat", "-c", "%y", "/run/user/" + box.run("id", "-u", "web").strip() + "/systemd/generator");
        String units = box.run("sh", "-c", "stat -c '%n %y' " + UNITS + "*");
        String accounts = box.run("sh", "-c", ACCOUNTS);
        long pid = box.eval("systemd.status('web.service', {user: 'web'})").get("mainPid").asLong();

        LabBox.Result again = box.bosun(SCRIPT);
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("user web: unchanged"), again.toString());
        assertEquals(3, again.out().split("\nunchanged ", -1).length - 1, "three units unchanged: " + again);
        assertEquals(units, box.run("sh", "-c", "stat -c '%n %y' " + UNITS + "*"), "unit files untouched");
        assertEquals(accounts, box.run("sh", "-c", ACCOUNTS), "accounts, sub-IDs and lingering untouched");
        assertEquals(generated, box.run("stat", "-c", "%y", "/run/user/" + box.run("id", "-u", "web").strip()
                + "/systemd/generator"), "no daemon-reload: the generator did not run again");
        assertEquals(pid, box.eval("systemd.status('web.service', {user: 'web'})").get("mainPid").asLong(),
                "the service was not restarted");
        assertServes(box);
    }

    @Test
    @Order(3)
    void afterARebootTheServiceIsBackByItself(LabBox box) throws Exception {
        box.reboot();
        LabBox.Result active = box.await(r -> r.out().strip().equals("active"), ATTEMPTS,
                "systemctl", "--user", "-M", "web@", "is-active", "web.service");
        assertEquals("active", active.out().strip(), "lingering and WantedBy=default.target start it at boot: " + active);
        assertServes(box);
    }

    private static void assertServes(LabBox box) throws Exception {
        LabBox.Result http = box.await(r -> r.ok() && r.out().equals(CONTENT), ATTEMPTS,
                "curl", "-fsS", "http://127.0.0.1:8080/index.html");
        assertEquals(CONTENT, http.out(), http.toString());
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
