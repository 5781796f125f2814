package dev.bosun.lab.ansible;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collection as Ansible's own tools see it: installed from the repository path, ansible-doc shows each
 * module's documentation, examples and return values and the role's arguments, and ansible-test's sanity tests
 * that run offline pass (the others install pinned requirements from PyPI into virtual environments, which this
 * machine cannot reach: docs/ansible.md lists both).
 */
class AnsibleCollectionTest {
    /** ansible-test 2.14's sanity tests that need no virtual environment of PyPI packages. */
    static final List<String> OFFLINE_SANITY = List.of("action-plugin-docs", "changelog", "compile", "empty-init",
            "future-import-boilerplate", "ignores", "line-endings", "metaclass-boilerplate", "no-assert", "no-basestring",
            "no-dict-iteritems", "no-dict-iterkeys", "no-dict-itervalues", "no-get-exception", "no-illegal-filenames",
            "no-main-display", "no-smart-quotes", "no-unicode-literals", "pslint", "replace-urlopen", "shebang", "shellcheck",
            "symlinks", "use-argspec-type-path", "use-compat-six");
    private static final List<String> MODULES = List.of("bosun_op", "bosun_script", "bosun_compartment");

    @TempDir
    static Path tmp;
    private static Ansible ansible;

    @BeforeAll
    static void install() throws Exception {
        ansible = Ansible.install(tmp);
    }

    @Test
    void ansibleDocShowsEveryModulesDocumentationExamplesAndReturnValues() throws Exception {
        for (String m : MODULES) {
            Ansible.Result doc = ansible.run(List.of("ansible-doc", "bosun.host." + m), tmp);
            assertEquals(0, doc.status(), doc.toString());
            assertTrue(doc.out().startsWith("> BOSUN.HOST." + m.toUpperCase()), doc.toString());
            for (String section : List.of("OPTIONS (= is mandatory):", "ATTRIBUTES:", "NOTES:", "EXAMPLES:", "RETURN VALUES:")) {
                assertTrue(doc.out().contains(section), m + " documents " + section + "\n" + doc.out());
            }
            assertTrue(doc.out().contains("- executable") && doc.out().contains("- root"), "the shared options: " + doc.out());
            assertTrue(doc.err().isBlank(), "no warnings: " + doc.err());
        }
        Ansible.Result role = ansible.run(List.of("ansible-doc", "-t", "role", "bosun.host.install"), tmp);
        assertEquals(0, role.status(), role.toString());
        assertTrue(role.out().contains("bosun_install_tarball") && role.out().contains("bosun_install_deb"), role.out());
        Ansible.Result list = ansible.run(List.of("ansible-doc", "-l", "bosun.host"), tmp);
        for (String m : MODULES) {
            assertTrue(list.out().contains("bosun.host." + m), list.toString());
        }
    }

    @Test
    void theOfflineSanityTestsPassAndFailOnAViolation() throws Exception {
        Path clean = copyOfCollection(tmp.resolve("clean"));
        Ansible.Result ok = sanity(clean);
        assertEquals(0, ok.status(), ok.toString());
        for (String t : OFFLINE_SANITY) {
            assertTrue(ok.out().contains("Running sanity test \"" + t + "\""), t + " ran: " + ok);
        }

        // The same run must be able to fail: a module with an assert (no-assert).
        Path dirty = copyOfCollection(tmp.resolve("dirty"));
        Files.writeString(dirty.resolve("plugins/modules/bosun_bad.py"), "#!/usr/bin/python\nassert True\n");
        Ansible.Result bad = sanity(dirty);
        assertNotEquals(0, bad.status(), bad.toString());
        assertTrue(bad.all().contains("plugins/modules/bosun_bad.py:2:1: raise AssertionError instead of: assert"), bad.toString());
    }

    private Ansible.Result sanity(Path collection) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ansible-test", "sanity", "--python", "3.11", "--color", "no"));
        for (String t : OFFLINE_SANITY) {
            cmd.add("--test");
            cmd.add(t);
        }
        return ansible.run(cmd, collection);
    }

    /** ansible-test needs the collection at .../ansible_collections/bosun/host and writes tests/output into it. */
    private static Path copyOfCollection(Path base) throws IOException {
        Path dest = base.resolve("ansible_collections/bosun/host");
        try (Stream<Path> walk = Files.walk(Ansible.COLLECTION)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = Ansible.COLLECTION.relativize(p);
                if (rel.toString().startsWith("tests/output") || rel.toString().contains("__pycache__")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest.resolve(rel.toString()));
                } else {
                    Files.copy(p, dest.resolve(rel.toString()));
                }
            }
        }
        return dest;
    }
}
