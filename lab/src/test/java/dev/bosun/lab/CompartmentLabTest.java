package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compartment on a real host: the nginx example's shape (a host-directory volume mounted where the lab image
 * serves from) applied, answering HTTP with a file its user wrote into the volume, clean in status, unchanged by a
 * second apply, and removed without a trace: no user, no group, no ranges, no units, no processes, no lingering.
 * The methods build on each other in one box, in order.
 */
@Lab
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompartmentLabTest {
    private static final String SPEC = "{id: 'nginx', volumes: [{name: 'html'}], containers: [{unit: {name: 'nginx', "
            + "image: 'localhost/bb', publishPort: ['8080:80']}, volumes: [{volume: 'html', path: '/usr/share/nginx/html', "
            + "options: 'ro'}]}]}";
    private static final String CONTENT = "served from a compartment volume\n";
    private static final String VOLUME = "/var/lib/bosun-volumes/nginx/html";
    private static final int ATTEMPTS = 240;

    @Test
    @Order(1)
    void applyStartsTheContainerThatServesTheVolume(LabBox box) throws Exception {
        JsonNode applied = box.eval("compartments.apply(" + SPEC + ")");
        assertTrue(applied.get("changed").asBoolean(), applied.toString());
        assertEquals("qm-nginx qm-nginx 770", box.run("stat", "-c", "%U %G %a", VOLUME).strip());
        LabBox.Result active = box.await(r -> r.out().strip().equals("active"), ATTEMPTS,
                "systemctl", "--user", "-M", "qm-nginx@", "is-active", "nginx.service");
        assertEquals("active", active.out().strip(), active.toString());
        box.run("runuser", "-u", "qm-nginx", "--", "sh", "-c", "printf '%s' \"$1\" > " + VOLUME + "/index.html", "sh", CONTENT);
        assertEquals("qm-nginx", box.run("stat", "-c", "%U", VOLUME + "/index.html").strip());
        LabBox.Result http = box.await(r -> r.ok() && r.out().equals(CONTENT), ATTEMPTS,
                "curl", "-fsS", "http://127.0.0.1:8080/index.html");
        assertEquals(CONTENT, http.out(), http.toString());
    }

    @Test
    @Order(2)
    void statusIsCleanAndASecondApplyChangesNothing(LabBox box) throws Exception {
        JsonNode status = box.eval("compartments.status('nginx')");
        assertTrue(status.get("clean").asBoolean(), status.toString());
        assertEquals("active", status.get("services").get(0).get("activeState").asText(), status.toString());
        JsonNode again = box.eval("compartments.apply(" + SPEC + ")");
        assertFalse(again.get("changed").asBoolean(), again.toString());
        LabBox.Result plan = box.bosun("--dry-run", "-e", "compartments.apply(" + SPEC + ").changed");
        assertTrue(plan.all().contains("Plan (dry-run): no changes."), plan.toString());
    }

    @Test
    @Order(3)
    void removeLeavesNothingBehind(LabBox box) throws Exception {
        String uid = box.run("id", "-u", "qm-nginx").strip();
        JsonNode removed = box.eval("compartments.remove('nginx')");
        assertTrue(removed.get("changed").asBoolean(), removed.toString());
        assertFalse(box.exec("id", "qm-nginx").ok(), "the user is gone");
        assertFalse(box.exec("getent", "group", "qm-nginx").ok(), "the group is gone");
        assertFalse(box.run("cat", "/etc/subuid", "/etc/subgid").contains("qm-nginx:"), "the ranges are gone");
        assertFalse(box.exec("test", "-e", "/home/qm-nginx").ok(), "the home with its units is gone");
        assertFalse(box.exec("test", "-e", "/var/lib/systemd/linger/qm-nginx").ok(), "no lingering left");
        assertFalse(box.exec("test", "-e", "/var/lib/bosun-volumes").ok(), "no volume directories left");
        assertFalse(box.exec("pgrep", "-u", uid).ok(), "no process of the user left");
        assertTrue(box.eval("compartments.list()").isEmpty());
    }
}
