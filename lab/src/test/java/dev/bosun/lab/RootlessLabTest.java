package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.shell.render.JsonContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bosun rootless check} in a real container host: a user without linger is told so; once Bosun has given
 * the user sub-IDs and linger, the verdict is yes, and it is true: that user really runs a rootless container
 * (pasta network, mapped sub-IDs) with the box's Podman 5.4.2.
 */
@Lab
class RootlessLabTest {
    private static final int ATTEMPTS = 240;
    private static final List<String> OK = List.of("cgroup", "runtime", "newuidmap", "newgidmap", "subuid", "subgid",
            "userns", "tun", "network", "linger", "runtimeDir", "podman", "quadlet");

    /** The check's result; its exit status must be the verdict's (0: can run, 1: cannot). */
    private static JsonNode check(LabBox box) throws Exception {
        LabBox.Result r = box.bosun("--json", "rootless", "check", "--user", "rl");
        JsonNode result = JsonContract.document(r.out()).get("result");
        assertEquals(result.get("canRun").asBoolean() ? 0 : 1, r.status(), r.toString());
        return result;
    }

    private static JsonNode finding(JsonNode result, String id) {
        for (JsonNode f : result.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + result);
    }

    @Test
    void aLingeringUserWithSubIdsCanRunAndReallyDoes(LabBox box) throws Exception {
        box.eval("users.ensure({name: 'rl', system: false, createHome: true, shell: '/usr/sbin/nologin'})");
        String uid = box.run("id", "-u", "rl").strip();
        JsonNode before = check(box);
        assertEquals("warn", finding(before, "linger").get("status").asText(), before.toString());
        assertEquals("warn", finding(before, "runtimeDir").get("status").asText(), before.toString());
        assertTrue(finding(before, "runtimeDir").get("detail").asText().startsWith("no /run/user/" + uid), before.toString());

        box.eval("subids.allocate('rl')");
        box.eval("users.linger('rl', true)");
        box.await(r -> r.out().strip().equals("running"), ATTEMPTS, "systemctl", "--user", "-M", "rl@", "is-system-running");

        JsonNode r = check(box);
        String all = r.toString();
        assertTrue(r.get("canRun").asBoolean(), all);
        assertEquals("5.4.2", r.get("podmanVersion").asText(), all);
        for (String id : OK) {
            assertEquals("ok", finding(r, id).get("status").asText(), id + ": " + all);
        }
        // The box's own property (lab/README.md, "The box's fixes" 1): no cgroup v2 controller reaches it, so the
        // lab sets pids_limit = 0; the check says exactly that, as a warning.
        JsonNode controllers = finding(r, "controllers");
        if (controllers.get("status").asText().equals("warn")) {
            assertTrue(controllers.get("detail").asText().contains("pids_limit = 0 in /etc/containers/containers.conf.d/"
                    + "bosun-lab.conf, so containers start"), all);
        } else {
            assertEquals("ok", controllers.get("status").asText(), all);
        }
        assertTrue(finding(r, "podman").get("detail").asText().startsWith("podman version 5.4.2 at /usr/bin/podman"), all);

        // The verdict is true: the user runs a rootless container, with the default (pasta) network.
        box.await(x -> x.out().strip().equals("active"), ATTEMPTS,
                "systemctl", "--user", "-M", "rl@", "is-active", "bosun-lab-image.service");
        LabBox.Result run = box.exec("runuser", "-u", "rl", "--", "env", "XDG_RUNTIME_DIR=/run/user/" + uid,
                "sh", "-c", "cd / && podman run --rm localhost/bb /bin/cat /proc/self/uid_map");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().strip().startsWith("0"), "the container's root is mapped: " + run);
    }
}
