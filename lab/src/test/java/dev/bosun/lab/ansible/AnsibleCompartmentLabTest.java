package dev.bosun.lab.ansible;

import dev.bosun.lab.Lab;
import dev.bosun.lab.LabBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bosun_compartment across the box and a root (ansible/tests/compartment.yml): --check plans and changes
 * nothing, apply converges (the box runs the compartment's service), a second apply changes nothing, state=absent
 * removes it and a second removal changes nothing.
 */
@Lab
class AnsibleCompartmentLabTest {
    private static final String TASK = "The compartment";
    private static final int ATTEMPTS = 240;
    private static Path scratch;
    private static Ansible ansible;
    private static List<Path> inventory;

    @BeforeAll
    static void fleet(LabBox box) throws Exception {
        scratch = Files.createTempDirectory("bosun-ansible-compartment-");
        ansible = Ansible.install(scratch);
        Path root = Ansible.scratchRoot(scratch.resolve("c1"));
        inventory = List.of(Files.writeString(scratch.resolve("inventory.yml"), Ansible.repoCommand(
                Ansible.EXAMPLES.resolve("lab-inventory").toString(), "--box", box.name(), "--root", root.toString())));
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
    void planApplyConvergeRemove(LabBox box) throws Exception {
        Path playbook = Ansible.TESTS.resolve("compartment.yml");
        List<String> hosts = List.of(box.name(), "c1");
        Map<String, String> fresh = TreeSnapshot.of(scratch.resolve("c1"));

        PlaybookRun check = ansible.playbook(playbook, inventory, "--check", "--diff");
        assertEquals(0, check.status(), check.toString());
        for (String h : hosts) {
            assertTrue(check.changed(h) > 0, h + ": " + check);
            assertTrue(check.result(TASK, h).path("diff").size() > 0, h + ": the plan's diffs: " + check);
        }
        assertEquals(fresh, TreeSnapshot.of(scratch.resolve("c1")), "--check changed nothing");
        assertFalse(box.exec("id", "qm-demo").ok(), "--check made no user in the box");

        PlaybookRun apply = ansible.playbook(playbook, inventory);
        assertEquals(0, apply.status(), apply.toString());
        LabBox.Result active = box.await(r -> r.out().strip().equals("active"), ATTEMPTS,
                "systemctl", "--user", "-M", "qm-demo@", "is-active", "web.service");
        assertEquals("active", active.out().strip(), active.toString());

        PlaybookRun again = ansible.playbook(playbook, inventory);
        assertEquals(0, again.status(), again.toString());
        for (String h : hosts) {
            assertEquals(0, again.changed(h), h + " is converged: " + again);
        }

        PlaybookRun remove = ansible.playbook(playbook, inventory, "-e", "compartment_state=absent");
        assertEquals(0, remove.status(), remove.toString());
        assertFalse(box.exec("id", "qm-demo").ok(), "removed from the box");
        PlaybookRun removeAgain = ansible.playbook(playbook, inventory, "-e", "compartment_state=absent");
        for (String h : hosts) {
            assertEquals(0, removeAgain.changed(h), h + ": nothing left to remove: " + removeAgain);
        }
    }
}
