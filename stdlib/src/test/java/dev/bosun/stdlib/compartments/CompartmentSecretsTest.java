package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.ShadowTool;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Secret values reach Podman's standard input and nothing else: not the plan, not the spec, not an error. */
class CompartmentSecretsTest {
    private static final String VALUE = "s3cr3t-value-that-must-not-leak";

    // This machine need not be able to run rootless containers: the live-host plan is about secrets, not the preflight.
    private final CompartmentsModule compartments = new CompartmentsModule(Preflight.NONE);

    private static String spec(Path secretFile) {
        return """
                {"id": "sekrit", "secrets": [{"name": "db-password", "fromFile": "%s"}],
                 "logins": [{"registry": "registry.example.com", "username": "ci", "passwordFile": "%s"}]}"""
                .formatted(secretFile, secretFile);
    }

    /**
     * A dry-run on the live host (nothing mutating runs; the account tools work on the scratch view): the plan has
     * the podman commands, as the user, without the value.
     */
    @Test
    void theDryRunPlanNamesTheSecretNotItsValue() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils");
        Path dir = Files.createTempDirectory("bosun-secret-");
        Path file = dir.resolve("pw");
        Files.writeString(file, VALUE);
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, dir.resolve("bosun.db"), "test")) {
            CompartmentApplied plan = compartments.apply(ctx, compartments.importSpec(ctx, spec(file), null), null);
            String all = String.join("\n", plan.changes().stream().map(c -> c.target() + " " + c.summary() + " "
                    + (c.diff() == null ? "" : c.diff())).toList()) + plan.warnings();
            assertFalse(all.contains(VALUE), all);
            assertTrue(plan.changes().stream().map(Change::summary).anyMatch(s -> s.startsWith("setpriv --reuid=")
                    && s.contains("-- podman secret create --replace -- db-password - < (standard input, ")), all);
            assertTrue(plan.changes().stream().map(Change::summary).anyMatch(s -> s.contains(
                    "--username ci --password-stdin -- registry.example.com < (standard input, ")), all);
            assertFalse(CompartmentJson.write(compartments.importSpec(ctx, spec(file), null)).contains(VALUE));
        } finally {
            try (var w = Files.walk(dir)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void secretsAreRefusedUnderAnotherRootBeforeAnythingIsPlanned() throws Exception {
        try (ScratchRoot root = ScratchRoot.fromHostEtc()) {
            root.write("/run/pw", VALUE);
            try (LocalHostContext ctx = root.context(true)) {
                CompartmentSpec spec = compartments.importSpec(ctx, spec(Path.of("/run/pw")), null);
                BosunException e = assertThrows(BosunException.class, () -> compartments.apply(ctx, spec, null));
                assertTrue(e.getMessage().startsWith("compartment sekrit has secrets, which Podman creates as qm-sekrit "
                        + "on the live system"), e.getMessage());
                assertFalse(e.getMessage().contains(VALUE));
                assertEquals(0, ctx.plan().size());
            }
        }
    }
}
