package dev.bosun.scripts;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts in scripts/ are what users copy: each must run under --dry-run (plan printed, root
 * byte-identical) and for real under --root on a scratch root, and a second real run must change
 * nothing (every step is an ensure).
 */
class ScriptsTest {
    static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(Bosun.REPO.resolve("scripts"))) {
            return s.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScriptRunsUnderDryRunAndRoot() throws IOException {
        return scripts().stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            Assumptions.assumeTrue(Bosun.isRoot(), "scripts create users with useradd --prefix, which needs root");
            Path root = Bosun.scratchRoot();
            try {
                Map<String, Integer> before = Bosun.snapshot(root);
                Bosun.Result dry = Bosun.run("--root", root.toString(), "--dry-run", "run", script.toString());
                assertEquals(0, dry.status(), script + ": " + dry.err());
                assertTrue(dry.out().contains("Plan (dry-run, nothing was changed)"), dry.out());
                assertEquals(before, Bosun.snapshot(root), script + " --dry-run changed the root");

                Bosun.Result real = Bosun.run("-v", "--root", root.toString(), "run", script.toString());
                assertEquals(0, real.status(), script + ": " + real.err());
                Map<String, Integer> afterFirst = Bosun.snapshot(root);
                assertFalse(before.equals(afterFirst), script + " changed nothing on a fresh root");
                // The plan is the truth: the dry-run lists exactly what the real run did, line for line.
                assertEquals(planLines(dry.out()), planLines(real.err()), script + ": dry-run plan and -v list differ");

                Bosun.Result converged = Bosun.run("--root", root.toString(), "--dry-run", "run", script.toString());
                assertEquals(0, converged.status(), script + ": " + converged.err());
                assertTrue(converged.out().contains("Plan (dry-run): no changes."), script + " plans changes on a "
                        + "converged root:\n" + converged.out());

                Bosun.Result again = Bosun.run("--root", root.toString(), "run", script.toString());
                assertEquals(0, again.status(), script + ": " + again.err());
                Map<String, Integer> afterSecond = Bosun.snapshot(root);
                afterSecond.keySet().removeIf(k -> k.startsWith("var/lib/bosun"));
                afterFirst.keySet().removeIf(k -> k.startsWith("var/lib/bosun"));
                assertEquals(afterFirst, afterSecond, script + " is not idempotent");
            } finally {
                Bosun.delete(root);
            }
        }));
    }

    /** The change lines of a plan or of a -v run (diff lines, results and messages left out). */
    private static List<String> planLines(String output) {
        return output.lines().filter(l -> l.matches("  [~$*#] .*")).toList();
    }

    /** A directory with the least a root must have (etc/passwd, etc/group). */
    private static Path minimalRoot(String prefix) throws IOException {
        Path root = Files.createTempDirectory(prefix);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        return root;
    }

    @Test
    void helloDryRunShowsTheDiffAndTheAuditTrailRecordsTheRealRun() throws Exception {
        Path root = minimalRoot("bosun-hello-");
        try {
            Path hello = Bosun.REPO.resolve("scripts/hello.js");
            Bosun.Result dry = Bosun.run("--root", root.toString(), "--dry-run", "run", hello.toString(), "Hi");
            assertEquals(0, dry.status(), dry.err());
            assertTrue(dry.out().contains("+Hi to "), dry.out());
            assertFalse(Files.exists(root.resolve("etc/motd")));
            assertEquals(0, Bosun.run("--root", root.toString(), "run", hello.toString(), "Hi").status());
            assertTrue(Files.readString(root.resolve("etc/motd")).startsWith("Hi to "));
            Bosun.Result audit = Bosun.run("--root", root.toString(), "-e", "audit.list().map(r => r.op + ' ' + "
                    + "r.source.endsWith('hello.js')).join()");
            assertEquals("files.write true\n", audit.out(), audit.err());
        } finally {
            Bosun.delete(root);
        }
    }

    @Test
    void badArgumentInAScriptExitsOneWithAOneLineError() throws Exception {
        Path dir = minimalRoot("bosun-bad-");
        try {
            Path script = dir.resolve("bad.js");
            Files.writeString(script, "users.ensure({name: 'Web/1', system: true});\n");
            Bosun.Result r = Bosun.run("--root", dir.toString(), "run", script.toString());
            assertEquals(1, r.status());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("bosun: TypeError: users.ensure: name \"Web/1\" must match"), r.err());
        } finally {
            Bosun.delete(dir);
        }
    }
}
