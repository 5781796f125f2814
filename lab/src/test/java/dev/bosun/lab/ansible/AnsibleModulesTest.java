package dev.bosun.lab.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bosun.host modules' contract on one --root tree, no box (ansible/tests/modules.yml): check mode plans and
 * changes nothing, diff mode shows the plan's diffs, changed comes from the plan, read-only operations never
 * change, and every failure is Bosun's one-line error or, for what never reaches Bosun, the module's own.
 */
class AnsibleModulesTest {
    private static final String USERADD_ALICE = "useradd --prefix ";

    @Test
    void theModulesMapCheckDiffChangedAndErrorsOntoBosunsJsonDocument(@TempDir Path tmp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "scratch roots need root (useradd --prefix)");
        Ansible ansible = Ansible.install(tmp);
        Path root = Ansible.scratchRoot(tmp.resolve("m1"));
        Path inventory = Files.writeString(tmp.resolve("inventory.yml"), """
                all:
                  hosts:
                    m1:
                      ansible_connection: local
                      ansible_python_interpreter: '{{ ansible_playbook_python }}'
                      bosun_root: %s
                      bosun_executable: %s
                """.formatted(root, Ansible.REPO.resolve("bosun")));
        Map<String, String> fresh = TreeSnapshot.of(root);

        PlaybookRun run = ansible.playbook(Ansible.TESTS.resolve("modules.yml"), List.of(inventory));

        assertEquals(0, run.status(), run.toString());
        JsonNode check = run.result("check users.ensure", "m1");
        assertTrue(check.path("changed").asBoolean(), check.toString());
        assertTrue(check.path("plan").toString().contains(USERADD_ALICE + root), check.toString());
        assertTrue(diff(check, "/etc/passwd").matches("(?s)--- a/etc/passwd\n\\+\\+\\+ b/etc/passwd\n.*\n\\+alice:x:[0-9]+:[0-9]+:"
                        + "Alice Ünïcode:/home/alice:/bin/sh\n"),
                "one diff entry per file, Bosun's unified diff, non-ASCII intact: " + check.path("diff"));
        assertTrue(diff(check, "bosun plan").contains("exec: " + USERADD_ALICE + root), check.path("diff").toString());

        JsonNode apply = run.result("apply users.ensure", "m1");
        assertTrue(apply.path("changed").asBoolean(), apply.toString());
        assertTrue(apply.path("result").path("created").asBoolean(), apply.toString());
        assertFalse(fresh.equals(TreeSnapshot.of(root)), "the real run changed the root");

        JsonNode again = run.result("again users.ensure", "m1");
        assertFalse(again.path("changed").asBoolean(), "a converged host: " + again);
        assertEquals(0, again.path("plan").size(), again.toString());
        assertEquals(0, again.path("diff").size(), "no diff for an empty plan: " + again);

        JsonNode get = run.result("read-only users.get", "m1");
        assertFalse(get.path("changed").asBoolean(), get.toString());
        assertEquals("alice", get.path("result").path("name").asText(), get.toString());

        assertFailure(run.result("bad argument", "m1"),
                "TypeError: users.ensure: name \"Web/1\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters) (at -e:1)");
        assertEquals("users.ensure", run.result("bad argument", "m1").path("error").path("op").asText());
        assertFailure(run.result("bad operation name", "m1"), "bosun_op: op \"users.ensure({name: 'x'});users.remove\" must be a "
                + "module and operation name such as users.ensure (letters, digits, _ joined by dots)");
        assertFailure(run.result("operation name with a newline", "m1"), "bosun_op: op 'users.get\\n' must be a "
                + "module and operation name such as users.ensure (letters, digits, _ joined by dots)");
        assertFailure(run.result("a key that is JavaScript syntax stays a key", "m1"), "TypeError: users.ensure: spec has no "
                + "option \"__proto__\" (known: name, system, uid, group, groups, home, createHome, shell, comment) (at -e:1)");

        JsonNode script = run.result("script from content", "m1");
        assertTrue(script.path("changed").asBoolean(), script.toString());
        assertEquals("user carol: created\n", script.path("stderr").asText(), "the script's console.log: " + script);
        JsonNode exit4 = run.result("script exits 4", "m1");
        assertFailure(exit4, "the script called exit(4)");
        assertEquals(4, exit4.path("rc").asInt());
        assertEquals("about to fail\n", exit4.path("stderr").asText());

        assertFailure(run.result("no such executable", "m1"), "bosun executable 'no-such-bosun' was not found in PATH on this "
                + "host; install Bosun (role bosun.host.install) or set the executable option");
        assertFailure(run.result("compartment absent without an id", "m1"), "bosun_compartment: state=absent needs id (or a spec with an id)");

        assertTrue(run.result("arguments are data, not shell words", "m1").path("changed").asBoolean());
        String passwd = Files.readString(root.resolve("etc/passwd"));
        assertTrue(passwd.contains(":costs $HOME and ~ and `id`:/home/dave:"), "no expansion on the host: " + passwd);
        assertTrue(passwd.contains("\nalice:x:") && passwd.contains("\ncarol:x:"), passwd);
        assertFalse(passwd.contains("\nbob:") || passwd.contains("Web/1"), "refused input changed nothing: " + passwd);
    }

    private static void assertFailure(JsonNode result, String message) {
        assertTrue(result.path("failed").asBoolean(), result.toString());
        assertFalse(result.path("changed").asBoolean(), result.toString());
        assertEquals(message, result.path("msg").asText());
    }

    private static String diff(JsonNode result, String header) {
        for (JsonNode d : result.path("diff")) {
            if (header.equals(d.path("before_header").asText())) {
                return d.path("prepared").asText();
            }
        }
        throw new AssertionError("no diff entry " + header + " in " + result.path("diff"));
    }
}
