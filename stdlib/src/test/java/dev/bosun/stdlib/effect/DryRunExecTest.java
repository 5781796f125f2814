package dev.bosun.stdlib.effect;

import dev.bosun.api.Change;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dry-run is faithful across steps: a user created by useradd (run with --prefix against the
 * scratch view) exists for the next step, which writes into the new home; the real root is unchanged.
 */
class DryRunExecTest {
    private static final List<String> ACCOUNTS = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow",
            "/etc/subuid", "/etc/subgid", "/etc/login.defs", "/home");

    @Test
    void multiStepDryRunPlansEveryStepAndChangesNothing() throws Exception {
        Assumptions.assumeTrue(ScratchRoots.isRoot(), "useradd --prefix needs root");
        try (ScratchRoot root = ScratchRoot.fromHostEtc(); LocalHostContext ctx = root.context(true)) {
            String passwdBefore = root.read("/etc/passwd");
            ctx.exec().run(Command.of("useradd", "-m", "-k", "/nonexistent-skel", "-s", "/usr/sbin/nologin", "drytest")
                    .asMutating().withPrefix("--prefix", ACCOUNTS));
            assertTrue(ctx.fs().read("/etc/passwd").contains("drytest:"), "the view has the new user");
            assertTrue(ctx.fs().exists("/home/drytest"), "the view has the new home");
            ctx.fs().write("/home/drytest/hello", "hi\n", WriteOptions.DEFAULT);

            List<Change> plan = ctx.plan().changes();
            assertTrue(plan.stream().anyMatch(c -> c.kind() == Change.Kind.EXEC && c.summary().startsWith("useradd "
                    + "--prefix " + root.dir())), plan.toString());
            assertTrue(plan.stream().anyMatch(c -> c.target().equals("/etc/passwd") && c.diff() != null
                    && c.diff().contains("+drytest:")), plan.toString());
            assertTrue(plan.stream().anyMatch(c -> c.target().equals("/home/drytest/hello")), plan.toString());

            assertEquals(passwdBefore, root.read("/etc/passwd"));
            assertFalse(Files.exists(root.path("/home/drytest")));
        }
    }

    @Test
    void nonPrefixedMutatingCommandsAreListedNotRun() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(true)) {
            ExecResult r = ctx.exec().run(Command.of("touch", root.path("/marker").toString()).insideRoot());
            assertTrue(r.planned());
            assertFalse(Files.exists(root.path("/marker")));
            assertEquals(Change.Kind.EXEC, ctx.plan().changes().getFirst().kind());
        }
    }

    @Test
    void failingCommandBecomesOneLineErrorWithStderr() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.bosun.api.BosunException.class,
                    () -> ctx.exec().run(Command.of("ls", "/definitely/not/here").readOnly()));
            assertTrue(e.getMessage().startsWith("ls /definitely/not/here failed (exit 2): "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void environmentIsControlled() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            String env = ctx.exec().run(Command.of("env").readOnly()).stdout();
            assertTrue(env.contains("PATH=" + ProcessExec.PATH), env);
            assertTrue(env.contains("LC_ALL=C"), env);
            assertFalse(env.contains("HOME="), "nothing is inherited: " + env);
        }
    }
}
