package dev.bosun.shell.attack;

import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.plugins.ShellRun;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets reach neither the audit database (its bytes, the WAL included) nor a plan: unit environment
 * values and Secret= sources given as builder maps, parsed text or bundles are masked, files.write keeps
 * only size and hash, shadow hashes are masked in diffs. The files written are the real ones.
 */
@Tag("attack")
class AuditSecretsAttackTest {
    private static final List<String> SECRETS = List.of("hunter2", "s3cr3t-token", "pgpass-name", "sk-live-4242",
            "bundle-pw");
    /** File content under a name that is not secret-like: a plan shows it in the diff, the audit never stores it. */
    private static final String CONTENT = "correct horse";
    /** A script that hands secrets to mutating operations every way a script can. */
    private static final String SCRIPT = """
            quadlet.install('root', quadlet.container({name: 'db', image: 'docker.io/library/postgres:17',
                environment: {POSTGRES_PASSWORD: 'hunter2', TZ: 'UTC'}}));
            quadlet.install('root', quadlet.parse('[Container]\\nImage=docker.io/library/redis:7\\n'
                + 'Environment="A=1" "DB_TOKEN=s3cr3t-token"\\nSecret=pgpass-name,type=env,target=PGPASSWORD\\n',
                {name: 'cache.container'}));
            quadlet.bundle.install('root', '# FileName=b.container\\n[Container]\\n'
                + 'Image=docker.io/library/busybox:1\\nEnvironment=API_PASSWORD=bundle-pw\\n');
            files.write('/etc/app.env', 'API_KEY=sk-live-4242\\nPHRASE=correct horse\\n', {mode: '0600'});
            """;

    @TempDir
    Path root;

    @BeforeEach
    void etc() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
    }

    private static void assertNoSecret(String where, String text) {
        assertNoSecret(where, text, false);
    }

    private static void assertNoSecret(String where, String text, boolean contentToo) {
        for (String s : contentToo ? java.util.stream.Stream.concat(SECRETS.stream(), Stream.of(CONTENT)).toList() : SECRETS) {
            assertFalse(text.contains(s), s + " in " + where + ":\n" + text);
        }
    }

    private static String bytes(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    @Test
    void secretsNeverReachTheDatabaseBytesNorThePlan() throws Exception {
        Path stateDir = root.resolve("var/lib/bosun");
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        try (LocalHostContext host = LocalHostContext.open(root, false, null, "secrets.js");
             Session s = new Session(ModuleRegistry.withStdlib(), host, Session.Options.of(new ByteArrayOutputStream(),
                     new ByteArrayOutputStream()))) {
            s.eval(SCRIPT, "secrets.js");
            assertTrue(Files.exists(stateDir.resolve("bosun.db-wal")), "the WAL is there while the session runs");
            assertNoSecret("the database and its WAL while open", bytes(stateDir), true);
            PlanPrinter.print(host.plan().changes(), false, new PrintStream(plan, true, StandardCharsets.UTF_8));
            String audit = s.eval("JSON.stringify(audit.list())", "check.js").toString();
            assertNoSecret("audit.list()", audit, true);
            assertTrue(audit.contains("POSTGRES_PASSWORD=***") && audit.contains("\"sha256\""), audit);
        }
        assertNoSecret("the database after close", bytes(stateDir), true);
        assertNoSecret("the -v plan of the run", plan.toString(StandardCharsets.UTF_8));
        assertTrue(plan.toString(StandardCharsets.UTF_8).contains("+Environment=POSTGRES_PASSWORD=***"), plan.toString());
        assertTrue(Files.readString(root.resolve("etc/containers/systemd/db.container"))
                .contains("Environment=POSTGRES_PASSWORD=hunter2"), "the unit written is the real one");
        assertTrue(Files.readString(root.resolve("etc/app.env")).contains("sk-live-4242"));
    }

    @Test
    void aDryRunPlanShowsNoSecret() {
        ShellRun dry = ShellRun.of("--root", root.toString(), "-n", "-e", SCRIPT);
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("Plan (dry-run, nothing was changed)"), dry.out());
        assertTrue(dry.out().contains("+Secret=***,type=env,target=PGPASSWORD"), dry.out());
        assertNoSecret("the dry-run plan", dry.out() + dry.err());
        ShellRun verbose = ShellRun.of("--root", root.toString(), "-v", "-e", SCRIPT);
        assertEquals(0, verbose.status(), verbose.err());
        assertNoSecret("the -v output", verbose.out() + verbose.err());
    }

    @Test
    void shadowHashesNeverReachAPlan() throws Exception {
        String hash = "$6$rounds=5000$abcdefgh$" + "X".repeat(86);
        Files.writeString(root.resolve("etc/shadow"), "root:" + hash + ":19000:0:99999:7:::\n"
                + "alice:" + hash + ":19000:0:99999:7:::\n");
        Files.writeString(root.resolve("etc/gshadow"), "root:" + hash + "::\n");
        ShellRun dry = ShellRun.of("--root", root.toString(), "-n", "-e",
                "files.write('/etc/shadow', files.read('/etc/shadow').replace('alice:', 'alicia:'));"
                        + "files.write('/etc/gshadow-', files.read('/etc/gshadow'))");
        assertEquals(0, dry.status(), dry.err());
        assertFalse(dry.out().contains("$6$"), dry.out());
        assertTrue(dry.out().contains("-alice:***:19000:0:99999:7:::\n    +alicia:***:19000:0:99999:7:::"), dry.out());
        assertFalse(dry.out().contains(" root:"), "no context lines: " + dry.out());
    }
}
