package dev.bosun.scripts;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/compartment.js as a user runs it, under --root on a scratch root: the app example (private network, pod,
 * a mapped non-root uid) planned, applied, checked, exported, imported back and removed. ScriptsTest covers the
 * script's no-argument demo (the nginx example) under --dry-run and --root.
 */
class CompartmentScriptTest {
    @Test
    void theAppExampleGoesThroughItsWholeLife() throws Exception {
        Assumptions.assumeTrue(Bosun.isRoot(), "compartments create users with useradd --prefix, which needs root");
        Path root = Bosun.scratchRoot();
        String script = Bosun.REPO.resolve("scripts/compartment.js").toString();
        try {
            Map<String, Integer> before = Bosun.snapshot(root);
            Bosun.Result plan = Bosun.run("--root", root.toString(), "run", script, "plan", "compartments/app.mjs");
            assertEquals(0, plan.status(), plan.err());
            assertTrue(plan.out().contains("compartment app: apply would make"), plan.out());
            assertTrue(plan.out().contains("useradd") && plan.out().contains("qmh-app-999"), plan.out());
            assertEquals(before, Bosun.snapshot(root), "plan changed the root");

            Bosun.Result apply = Bosun.run("--root", root.toString(), "run", script, "apply", "compartments/app.mjs");
            assertEquals(0, apply.status(), apply.err());
            String db = Files.readString(root.resolve("home/qm-app/.config/containers/systemd/db.container"));
            assertTrue(db.contains("UIDMap=999:1000:1") && db.contains("Pod=app.pod"), db);
            assertTrue(Files.readString(root.resolve("etc/passwd")).contains("\nqmh-app-999:"));

            Bosun.Result status = Bosun.run("--root", root.toString(), "run", script, "status", "app");
            assertEquals(0, status.status(), status.err());
            assertTrue(status.out().startsWith("compartment app (qm-app): clean"), status.out());

            Bosun.Result again = Bosun.run("--root", root.toString(), "run", script, "apply", "compartments/app.mjs");
            assertTrue(again.out().contains("compartment app: up to date"), again.out());

            Bosun.Result export = Bosun.run("--root", root.toString(), "run", script, "export", "app");
            assertEquals(0, export.status(), export.err());
            String bundle = export.out().substring(export.out().indexOf("--- .quadlets bundle ---\n") + 25);
            assertTrue(bundle.contains("# FileName=db") && bundle.contains("\n---\n"), bundle);
            // The bundle imported back gives the same units, byte for byte (a volume's ownerUid is the spec JSON's).
            Files.writeString(root.resolve("app.quadlets"), bundle);
            Bosun.Result imported = Bosun.run("--root", root.toString(), "run", script, "import", "/app.quadlets", "app");
            assertEquals(0, imported.status(), imported.err());
            Files.delete(root.resolve("app.quadlets"));
            assertEquals(db, Files.readString(root.resolve("home/qm-app/.config/containers/systemd/db.container")));

            Bosun.Result remove = Bosun.run("--root", root.toString(), "run", script, "remove", "app");
            assertEquals(0, remove.status(), remove.err());
            assertTrue(remove.out().contains("compartment app: removed"), remove.out());
            Map<String, Integer> after = Bosun.snapshot(root);
            after.keySet().removeIf(k -> k.startsWith("var/lib/bosun") || k.matches("etc/[a-z]+-") || k.equals("etc/.pwd.lock"));
            Map<String, Integer> expected = new java.util.TreeMap<>(before);
            expected.keySet().removeIf(k -> k.startsWith("var/lib/bosun") || k.matches("etc/[a-z]+-") || k.equals("etc/.pwd.lock"));
            // var/ and var/lib/ are the state database's parents here (the state lives in the root under --root).
            after.keySet().removeIf(k -> k.equals("var") || k.equals("var/lib"));
            assertEquals(expected, after, "remove left the root different from before");
        } finally {
            Bosun.delete(root);
        }
    }
}
