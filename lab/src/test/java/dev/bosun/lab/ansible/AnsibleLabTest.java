package dev.bosun.lab.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.lab.Lab;
import dev.bosun.lab.LabBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example playbook of docs/ansible.md as a new user runs it, against a fleet of a booted box (through
 * community.docker.nsenter), three --root trees (connection local) and a host where Bosun fails: --check
 * --diff plans every host and changes nothing, the real run converges every host but the failing one, whose
 * error is Bosun's own line, and a second real run changes nothing anywhere, the box included. Then the role
 * bosun.host.install puts a distribution tarball on the box and on two more roots, idempotently. The methods
 * build on each other, in order.
 */
@Lab
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnsibleLabTest {
    private static final String WEB = "The web service (user, sub-IDs, lingering, Quadlet units; started where systemd runs)";
    private static final String OPS = "An operator account";
    private static final List<String> ROOTS = List.of("r1", "r2", "r3");
    private static final String BROKEN = "broken";
    private static final int ATTEMPTS = 240;

    private static Path scratch;
    private static Ansible ansible;
    private static List<Path> inventories;

    @BeforeAll
    static void fleet(LabBox box) throws Exception {
        scratch = Files.createTempDirectory("bosun-ansible-");
        ansible = Ansible.install(scratch);
        List<String> cmd = new ArrayList<>(List.of(Ansible.EXAMPLES.resolve("lab-inventory").toString(), "--box", box.name()));
        for (String r : ROOTS) {
            cmd.add("--root");
            cmd.add(Ansible.scratchRoot(scratch.resolve(r)).toString());
        }
        Path inventory = Files.writeString(scratch.resolve("inventory.yml"), Ansible.repoCommand(cmd.toArray(String[]::new)));
        // A host where Bosun fails: its --root does not exist (Bosun's usage error, exit 2).
        Path broken = Files.writeString(scratch.resolve("broken.yml"), """
                all:
                  hosts:
                    broken:
                      ansible_connection: local
                      ansible_python_interpreter: '{{ ansible_playbook_python }}'
                      bosun_executable: %s
                      bosun_root: %s
                """.formatted(Ansible.REPO.resolve("bosun"), scratch.resolve("no-such-root")));
        inventories = List.of(inventory, broken);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (scratch != null) {
            try (Stream<Path> walk = Files.walk(scratch)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void checkDiffShowsEveryHostsPlanAndChangesNothing(LabBox box) throws Exception {
        Map<String, Map<String, String>> before = snapshots(true);
        String boxBefore = boxState(box);

        PlaybookRun check = ansible.playbook(Ansible.EXAMPLES.resolve("site.yml"), inventories, "--check", "--diff");

        assertEquals(2, check.status(), "ansible-playbook exits 2 when a host failed: " + check);
        for (String host : hosts(box)) {
            assertEquals(0, check.failures(host), host + " planned without failing: " + check);
            assertEquals(2, check.changed(host), host + ": both Bosun tasks have changes pending: " + check);
        }
        for (String r : ROOTS) {
            JsonNode web = check.result(WEB, r);
            assertTrue(diffOf(web, "/etc/passwd").contains("+web:x:"), r + ": the passwd diff adds web: " + web);
            assertTrue(diffOf(web, "/home/web/.config/containers/systemd/web.container").contains("+Image=localhost/bb"),
                    r + ": the unit's diff: " + web);
        }
        JsonNode boxWeb = check.result(WEB, box.name());
        assertTrue(diffOf(boxWeb, "/home/web/.config/containers/systemd/web.container").contains("+PublishPort=8080:80"), boxWeb.toString());
        String commands = diffOf(boxWeb, "bosun plan");
        assertTrue(commands.contains("exec: loginctl enable-linger web"), commands);
        assertTrue(commands.contains("exec: systemctl --user -M web@ --no-ask-password start web.service"),
                "the box's plan starts the service its own useradd and linger make possible: " + commands);
        assertBrokenHostFailsWithBosunsError(check);

        assertSameTrees(before, snapshots(true), "--check changed nothing, not even a directory's time");
        assertEquals(boxBefore, boxState(box), "--check changed nothing in the box");
    }

    @Test
    @Order(2)
    void applyConvergesEveryHostButTheFailingOne(LabBox box) throws Exception {
        PlaybookRun apply = ansible.playbook(Ansible.EXAMPLES.resolve("site.yml"), inventories);

        assertEquals(2, apply.status(), apply.toString());
        for (String host : hosts(box)) {
            assertEquals(0, apply.failures(host), host + ": " + apply);
            assertEquals(2, apply.changed(host), host + ": " + apply);
        }
        assertBrokenHostFailsWithBosunsError(apply);
        for (String r : ROOTS) {
            String passwd = Files.readString(scratch.resolve(r).resolve("etc/passwd"));
            assertTrue(passwd.contains("\nweb:x:") && passwd.contains("\nops:x:"), r + ": " + passwd);
            assertTrue(Files.isRegularFile(scratch.resolve(r).resolve("home/web/.config/containers/systemd/web.container")), r);
        }
        LabBox.Result active = box.await(r -> r.out().strip().equals("active"), ATTEMPTS,
                "systemctl", "--user", "-M", "web@", "is-active", "web.service");
        assertEquals("active", active.out().strip(), "the box runs the example service: " + active);
        LabBox.Result http = box.await(r -> r.out().strip().matches("[1-5][0-9][0-9]"), ATTEMPTS,
                "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://localhost:8080/");
        assertTrue(http.out().strip().matches("[1-5][0-9][0-9]"), "the service answers HTTP: " + http);
    }

    @Test
    @Order(3)
    void aSecondApplyChangesNothingOnAnyHost(LabBox box) throws Exception {
        // Directory times aside: a converged subids.allocate still reads under the shadow-utils lock, whose
        // lock file comes and goes in etc.
        Map<String, Map<String, String>> before = snapshots(false);
        String boxBefore = boxState(box);

        PlaybookRun again = ansible.playbook(Ansible.EXAMPLES.resolve("site.yml"), inventories, "--diff");

        assertEquals(2, again.status(), again.toString());
        for (String host : hosts(box)) {
            assertEquals(0, again.failures(host), host + ": " + again);
            assertEquals(0, again.changed(host), host + " is converged: " + again);
            assertEquals(0, again.result(WEB, host).path("plan").size(), host + ": an empty plan");
        }
        assertBrokenHostFailsWithBosunsError(again);
        // The state database records the runs' audit rows; everything else is as it was.
        assertSameTrees(withoutStateDatabase(before), withoutStateDatabase(snapshots(false)), "the second run wrote nothing");
        assertEquals(boxBefore, boxState(box), "the box's accounts and units are as they were");
    }

    @Test
    @Order(4)
    void theInstallRoleUnpacksTheDistributionIdempotently(LabBox box) throws Exception {
        Path tarball = Distribution.tarball(scratch);
        List<String> cmd = new ArrayList<>(List.of(Ansible.EXAMPLES.resolve("lab-inventory").toString(),
                "--tarball", tarball.toString(), "--box", box.name()));
        List<String> roots = List.of("i1", "i2");
        for (String r : roots) {
            cmd.add("--root");
            cmd.add(Ansible.scratchRoot(scratch.resolve(r)).toString());
        }
        List<Path> inventory = List.of(Files.writeString(scratch.resolve("install.yml"), Ansible.repoCommand(cmd.toArray(String[]::new))));
        String release = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        for (String r : roots) {
            before.put(r, TreeSnapshot.of(scratch.resolve(r)));
        }

        PlaybookRun check = ansible.playbook(Ansible.EXAMPLES.resolve("site.yml"), inventory, "--check", "--diff");
        assertEquals(0, check.status(), check.toString());
        for (String r : roots) {
            assertTrue(check.changed(r) > 0, r + ": the role would unpack: " + check);
            TreeSnapshot.assertSame(before.get(r), TreeSnapshot.of(scratch.resolve(r)), r + ": --check installed nothing");
        }
        assertFalse(box.exec("test", "-e", "/opt/bosun").ok(), "--check installed nothing in the box");

        PlaybookRun apply = ansible.playbook(Ansible.EXAMPLES.resolve("site.yml"), inventory);
        assertEquals(0, apply.status(), apply.toString());
        for (String r : roots) {
            Path root = scratch.resolve(r);
            assertEquals(release, Files.readSymbolicLink(root.resolve("opt/bosun/current")).toString(), r);
            assertEquals("../../../opt/bosun/current/bin/bosun", Files.readSymbolicLink(root.resolve("usr/local/bin/bosun")).toString(), r);
            assertTrue(Files.readString(root.resolve("etc/passwd")).contains("\nweb:x:"), r + ": the installed bosun ran the example");
            assertTrue(Ansible.repoCommand(root.resolve("usr/local/bin/bosun").toString(), "--version").contains("bosun"), r);
        }
        assertTrue(box.run("/opt/bosun/current/bin/bosun", "--version").contains("bosun"), "the box runs the installed bosun");

        PlaybookRun again = ansible.playbook(Ansible.EXAMPLES.resolve("site.yml"), inventory);
        assertEquals(0, again.status(), again.toString());
        for (String host : List.of(box.name(), "i1", "i2")) {
            assertEquals(0, again.changed(host), host + " is converged: " + again);
        }
    }

    @Test
    @Order(5)
    void theInstallRoleInstallsTheDebianPackageIdempotently(LabBox box) throws Exception {
        Path deb = Distribution.deb(scratch);
        List<Path> inventory = List.of(Files.writeString(scratch.resolve("deb.yml"), Ansible.repoCommand(
                Ansible.EXAMPLES.resolve("lab-inventory").toString(), "--box", box.name())));
        Path playbook = Ansible.TESTS.resolve("install-deb.yml");
        String var = "bosun_install_deb=" + deb;

        PlaybookRun check = ansible.playbook(playbook, inventory, "--check", "--diff", "-e", var);
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.changed(box.name()) > 0, "the role would install: " + check);
        assertFalse(box.exec("dpkg-query", "--show", "bosun").ok(), "--check installed nothing");

        PlaybookRun apply = ansible.playbook(playbook, inventory, "-e", var);
        assertEquals(0, apply.status(), apply.toString());
        assertTrue(box.run("dpkg-query", "--show", "--showformat=${db:Status-Status}", "bosun").startsWith("installed"));
        assertTrue(box.run("/usr/bin/bosun", "--version").contains("bosun"), "the package's bosun runs");
        assertEquals(0, box.exec("id", "debtest").status(), "and made the user: " + apply);

        PlaybookRun again = ansible.playbook(playbook, inventory, "-e", var);
        assertEquals(0, again.status(), again.toString());
        assertEquals(0, again.changed(box.name()), "installed already: " + again);
    }

    private static void assertBrokenHostFailsWithBosunsError(PlaybookRun run) {
        List<JsonNode> failed = run.failed(BROKEN);
        assertEquals(1, failed.size(), "the broken host fails at its first Bosun task and stops: " + run);
        String msg = failed.getFirst().path("msg").asText();
        assertEquals("--root " + scratch.resolve("no-such-root") + ": no such directory; make a scratch root to try Bosun "
                + "on with: bosun scratch-root " + scratch.resolve("no-such-root"), msg, "Bosun's one-line error");
        assertNotEquals(0, failed.getFirst().path("rc").asInt());
    }

    /** The unified diff the task's diff mode showed for {@code target}. */
    private static String diffOf(JsonNode result, String target) {
        for (JsonNode d : result.path("diff")) {
            if (target.equals(d.path("before_header").asText())) {
                return d.path("prepared").asText();
            }
        }
        throw new AssertionError("no diff entry for " + target + " in " + result.path("diff"));
    }

    private static List<String> hosts(LabBox box) {
        List<String> h = new ArrayList<>(ROOTS);
        h.add(box.name());
        return h;
    }

    private static Map<String, Map<String, String>> snapshots(boolean directoryTimes) throws IOException {
        Map<String, Map<String, String>> s = new LinkedHashMap<>();
        for (String r : ROOTS) {
            s.put(r, TreeSnapshot.of(scratch.resolve(r), directoryTimes));
        }
        return s;
    }

    private static void assertSameTrees(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after,
                                        String message) {
        for (String r : before.keySet()) {
            TreeSnapshot.assertSame(before.get(r), after.get(r), r + ": " + message);
        }
    }

    private static Map<String, Map<String, String>> withoutStateDatabase(Map<String, Map<String, String>> snapshots) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        snapshots.forEach((root, entries) -> {
            Map<String, String> kept = new LinkedHashMap<>(entries);
            kept.keySet().removeIf(p -> p.startsWith("var/lib/bosun/"));
            kept.remove("var/lib/bosun");
            out.put(root, kept);
        });
        return out;
    }

    /** What the example changes in the box: accounts, sub-IDs, lingering, web's units, ops' home. */
    private static String boxState(LabBox box) throws IOException, InterruptedException {
        // Not the whole homes: the running service's Podman writes below web's.
        return box.run("sh", "-c", "sha256sum /etc/passwd /etc/group /etc/shadow /etc/gshadow /etc/subuid /etc/subgid; "
                + "ls -la --time-style=full-iso /var/lib/systemd/linger /home/ops /home/web/.config/containers/systemd 2>&1; true");
    }
}
