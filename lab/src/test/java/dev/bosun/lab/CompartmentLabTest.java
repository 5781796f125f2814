package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compartments on a real host, in one box, the methods building on each other in order:
 * <ol>
 *   <li>the nginx example's shape (a host-directory volume mounted where the lab image serves from) applied,
 *       answering HTTP with a file its user wrote into the volume, clean in status, unchanged by a second apply;
 *       its published port changed, the service restarted (a new invocation) and answering on the new port only;
 *       removed without a trace: no user, no group, no ranges, no units, no processes, no lingering;</li>
 *   <li>a compartment whose container runs as container uid 33, mapped to the helper user {@code qmh-maps-33}:
 *       the file the container writes into its volume is owned on the host by that helper; a Podman secret read
 *       from a file and a registry login really made as the compartment user against the box's Podman, their values
 *       in no plan, no output, no audit row and no state record; removed with its helpers, leaving nothing;</li>
 *   <li>without lingering (and so without the user's runtime directory) a secret is refused in one line, and the
 *       half-made compartment is removed without a trace.</li>
 * </ol>
 * No registry image can be pulled in the box (no network), so the login goes to a stand-in: a Python HTTP server on
 * 127.0.0.1:5000 that speaks the part of the registry API {@code podman login} uses (GET /v2/, a Basic challenge,
 * 200 for the right credentials), declared insecure (plain HTTP) in a registries.conf drop-in of the box.
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
    void aChangedPortRestartsTheServiceOnTheNewPort(LabBox box) throws Exception {
        String before = invocation(box, "qm-nginx", "nginx.service");
        JsonNode applied = box.eval("compartments.apply(" + SPEC.replace("8080:80", "8081:80") + ")");
        assertTrue(applied.get("changed").asBoolean(), applied.toString());
        assertTrue(applied.toString().contains("restart"), "apply restarts the changed service: " + applied);
        LabBox.Result http = box.await(r -> r.ok() && r.out().equals(CONTENT), ATTEMPTS,
                "curl", "-fsS", "http://127.0.0.1:8081/index.html");
        assertEquals(CONTENT, http.out(), http.toString());
        assertFalse(invocation(box, "qm-nginx", "nginx.service").equals(before), "a new run of nginx.service");
        LabBox.Result old = box.exec("curl", "-fsS", "--max-time", "5", "http://127.0.0.1:8080/index.html");
        assertFalse(old.ok(), "nothing answers on the old port any more: " + old);
        assertTrue(box.eval("compartments.status('nginx')").get("clean").asBoolean());
    }

    /** The service's current InvocationID: a new one after every start. */
    private static String invocation(LabBox box, String user, String service) throws Exception {
        return box.run("systemctl", "--user", "-M", user + "@", "show", "-p", "InvocationID", "--value", service).strip();
    }

    @Test
    @Order(4)
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

    // The second compartment: a container running as container uid 33 (helper qmh-maps-33), a secret and a login.
    private static final String SECRET = "/root/maps-token";
    private static final String PASSWORD = "/root/maps-registry.pw";
    private static final String MAPS = "{id: 'maps', volumes: [{name: 'out', ownerUid: 33}], containers: [{unit: {name: 'writer', "
            + "image: 'localhost/bb', user: '33:33', exec: ['/bin/touch', '/out/by-33'], service: {Type: 'oneshot', "
            + "RemainAfterExit: 'yes'}}, volumes: [{volume: 'out', path: '/out'}], mapUids: [33], mapGids: [33]}], "
            + "secrets: [{name: 'token', fromFile: '" + SECRET + "'}], "
            + "logins: [{registry: '127.0.0.1:5000', username: 'ci', passwordFile: '" + PASSWORD + "'}]}";
    private static final String OUT = "/var/lib/bosun-volumes/maps/out";
    /** The stand-in registry: GET /v2/ answers 401 with a Basic challenge, or 200 for ci and the password file's text. */
    private static final String REGISTRY = """
            import base64, http.server
            password = open('%s').read()
            good = 'Basic ' + base64.b64encode(('ci:' + password).encode()).decode()
            class Registry(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    ok = self.path.startswith('/v2/') and self.headers.get('Authorization') == good
                    self.send_response(200 if ok else 401)
                    self.send_header('Docker-Distribution-API-Version', 'registry/2.0')
                    if not ok:
                        self.send_header('WWW-Authenticate', 'Basic realm="lab"')
                    self.send_header('Content-Length', '2')
                    self.end_headers()
                    self.wfile.write(b'{}')
                def log_message(self, fmt, *args):
                    open('/root/registry.log', 'a').write(self.command + ' ' + self.path + ' '
                        + ('authorized' if self.headers.get('Authorization') == good else 'anonymous') + '\\n')
            http.server.HTTPServer(('127.0.0.1', 5000), Registry).serve_forever()
            """.formatted(PASSWORD);
    /** Values no file, plan or record may hold: random per run, so a match cannot be a coincidence. */
    private static final String SECRET_VALUE = "secret-" + java.util.UUID.randomUUID();
    private static final String PASSWORD_VALUE = "password-" + java.util.UUID.randomUUID();

    @Test
    @Order(5)
    void aMappedContainerUidWritesAsItsHelperAndSecretsAndLoginsAreMadeAsTheUser(LabBox box) throws Exception {
        box.run("sh", "-c", "umask 077 && printf '%s' \"$1\" > " + SECRET + " && printf '%s' \"$2\" > " + PASSWORD,
                "sh", SECRET_VALUE, PASSWORD_VALUE);
        box.run("sh", "-c", "printf '[[registry]]\\nlocation = \"127.0.0.1:5000\"\\ninsecure = true\\n' "
                + "> /etc/containers/registries.conf.d/50-bosun-lab-registry.conf");
        box.run("systemd-run", "--unit", "bosun-lab-registry", "python3", "-c", REGISTRY);
        box.await(r -> r.out().contains("401"), ATTEMPTS, "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "http://127.0.0.1:5000/v2/");

        LabBox.Result plan = box.bosun("--dry-run", "-v", "-e", "compartments.apply(" + MAPS + ").changed");
        assertTrue(plan.ok(), plan.toString());
        LabBox.Result applied = box.bosun("--json", "-v", "-e", "compartments.apply(" + MAPS + ")");
        assertTrue(applied.ok(), applied.toString());
        for (LabBox.Result r : List.of(plan, applied)) {
            assertFalse(r.all().contains(SECRET_VALUE) || r.all().contains(PASSWORD_VALUE), "a value in the output: " + r);
        }
        assertTrue(plan.all().contains("podman secret create"), "the plan names the secret's creation: " + plan);
        assertTrue(plan.all().contains("podman login"), "the plan names the login: " + plan);

        assertEquals("qmh-maps-33 qm-maps 770", box.run("stat", "-c", "%U %G %a", OUT).strip());
        box.await(r -> r.ok(), ATTEMPTS, "test", "-e", OUT + "/by-33");
        assertEquals("qmh-maps-33 qmh-maps-33", box.run("stat", "-c", "%U %G", OUT + "/by-33").strip(),
                "container uid and gid 33 are the helper user and group on the host");

        assertEquals(SECRET_VALUE, asUser(box, "podman secret inspect --showsecret --format '{{.SecretData}}' token").strip(),
                "the user's Podman has the secret with the file's value");
        String auth = box.run("cat", "/home/qm-maps/.config/containers/auth.json");
        assertTrue(auth.contains("127.0.0.1:5000"), "the authfile in the home has the registry: " + auth);
        assertEquals("qm-maps", box.run("stat", "-c", "%U", "/home/qm-maps/.config/containers/auth.json").strip());
        assertTrue(box.run("cat", "/root/registry.log").contains("GET /v2/ authorized"), "the registry saw the login");

        JsonNode again = box.eval("compartments.apply(" + MAPS + ")");
        assertFalse(again.get("changed").asBoolean(), "the secret and login are not redone: " + again);
    }

    @Test
    @Order(6)
    void theValuesAreInNoRecord(LabBox box) throws Exception {
        JsonNode exported = box.eval("compartments.exportSpec('maps')");
        JsonNode audit = box.eval("audit.list({limit: 1000})");
        JsonNode status = box.eval("compartments.status('maps')");
        for (JsonNode n : List.of(exported, audit, status)) {
            assertFalse(n.toString().contains(SECRET_VALUE) || n.toString().contains(PASSWORD_VALUE), n.toString());
        }
        assertTrue(audit.toString().contains("compartments.apply"), "the applies are audited: " + audit);
        // The database files themselves (audit rows, ownership records, specs; -wal included), byte for byte.
        for (String value : List.of(SECRET_VALUE, PASSWORD_VALUE)) {
            LabBox.Result grep = box.exec("grep", "-r", "-a", "-l", "-F", value, "/var/lib/bosun");
            assertEquals(1, grep.status(), "no state file holds the value: " + grep);
        }
    }

    @Test
    @Order(7)
    void removeTakesTheHelpersAlongAndLeavesNothing(LabBox box) throws Exception {
        String uid = box.run("id", "-u", "qm-maps").strip();
        String helperUid = box.run("id", "-u", "qmh-maps-33").strip();
        JsonNode removed = box.eval("compartments.remove('maps')");
        assertTrue(removed.get("changed").asBoolean(), removed.toString());
        for (String account : List.of("qm-maps", "qmh-maps-33")) {
            assertFalse(box.exec("getent", "passwd", account).ok(), "no user " + account);
            assertFalse(box.exec("getent", "group", account).ok(), "no group " + account);
        }
        assertFalse(box.run("cat", "/etc/subuid", "/etc/subgid").contains("qm-maps:"), "the ranges are gone");
        assertFalse(box.exec("test", "-e", "/home/qm-maps").ok(), "the home with its units, secret and authfile is gone");
        assertFalse(box.exec("test", "-e", "/var/lib/systemd/linger/qm-maps").ok(), "no lingering left");
        assertFalse(box.exec("test", "-e", "/var/lib/bosun-volumes").ok(), "no volume directories left");
        assertFalse(box.exec("test", "-e", "/run/user/" + uid).ok(), "no runtime directory left");
        for (String u : List.of(uid, helperUid)) {
            assertFalse(box.exec("pgrep", "-u", u).ok(), "no process of uid " + u + " left");
        }
        assertEquals("inactive", box.exec("systemctl", "is-active", "user@" + uid + ".service").out().strip());
        assertTrue(box.eval("compartments.list()").isEmpty());
        box.run("systemctl", "stop", "bosun-lab-registry.service");
    }

    @Test
    @Order(8)
    void withoutLingeringASecretIsRefusedInOneLineAndRemoveStillCleansUp(LabBox box) throws Exception {
        String spec = "{id: 'nolinger', linger: false, secrets: [{name: 'token', fromFile: '" + SECRET + "'}]}";
        LabBox.Result refused = box.bosun("-e", "compartments.apply(" + spec + ")");
        assertFalse(refused.ok(), refused.toString());
        assertTrue(refused.all().contains("has no runtime directory /run/user/")
                && refused.all().contains("lingering is off"), refused.toString());
        assertFalse(refused.all().contains(SECRET_VALUE), refused.toString());
        JsonNode removed = box.eval("compartments.remove('nolinger')");
        assertTrue(removed.get("changed").asBoolean(), removed.toString());
        assertFalse(box.exec("getent", "passwd", "qm-nolinger").ok(), "no user left");
        assertFalse(box.exec("test", "-e", "/home/qm-nolinger").ok(), "no home left");
        assertTrue(box.eval("compartments.list()").isEmpty());
    }

    /** A shell command as qm-maps with its HOME and runtime directory, as Bosun runs Podman for it. */
    private static String asUser(LabBox box, String command) throws Exception {
        return box.run("setpriv", "--reuid=qm-maps", "--regid=qm-maps", "--init-groups", "--", "env", "HOME=/home/qm-maps",
                "XDG_RUNTIME_DIR=/run/user/" + box.run("id", "-u", "qm-maps").strip(), "sh", "-c", "cd / && " + command);
    }
}
