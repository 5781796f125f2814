package dev.bosun.stdlib.compartments;

import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.ShadowTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A compartment's whole life under --root, on a scratch root seeded from the real /etc, with users made by the real
 * shadow-utils: apply, status, a second apply, a changed spec, remove, and every step's dry-run. The state database
 * lives outside the root, so the root's tree can be compared whole.
 */
class CompartmentRootTest {
    private static final String SPEC = """
            {"id": "web",
             "volumes": [{"name": "html"}, {"name": "cache", "ownerUid": 101}],
             "networks": [{"name": "web", "subnet": ["10.89.7.0/24"]}],
             "containers": [{"unit": {"name": "web", "image": "docker.io/library/nginx:1.27", "publishPort": ["8080:80"],
                                      "network": ["web.network"]},
                             "volumes": [{"volume": "html", "path": "/usr/share/nginx/html", "options": "ro"},
                                         {"volume": "cache", "path": "/var/cache/nginx"}],
                             "mapUids": [101]}]}
            """;
    private static final String CHANGED = """
            {"id": "web",
             "volumes": [{"name": "html"}],
             "networks": [{"name": "web", "subnet": ["10.89.7.0/24"]}],
             "containers": [{"unit": {"name": "web", "image": "docker.io/library/nginx:1.27", "publishPort": ["9090:80"],
                                      "network": ["web.network"]},
                             "volumes": [{"volume": "html", "path": "/usr/share/nginx/html", "options": "ro"}],
                             "mapUids": [101]},
                            {"unit": {"name": "redis", "image": "docker.io/library/redis:7", "network": ["web.network"]}}]}
            """;
    /**
     * shadow-utils' one-step undo copies ({@code passwd-}, ...) and its {@code .pwd.lock} are the tools' own, rewritten
     * by every account change anyone makes; they are not configuration of the host and cannot return to older bytes.
     */
    private static final Predicate<String> SHADOW_BACKUPS = p -> p.matches("/etc/(passwd|group|shadow|gshadow|subuid|subgid)-")
            || p.equals("/etc/.pwd.lock");

    private final CompartmentsModule compartments = new CompartmentsModule();
    private ScratchRoot root;
    private Path state;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (useradd --prefix)");
        root = ScratchRoot.fromHostEtc();
        state = Files.createTempDirectory("bosun-compartment-state-");
        Files.setPosixFilePermissions(state, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (root != null) {
            root.close();
        }
        if (state != null) {
            try (var w = Files.walk(state)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private LocalHostContext context(boolean dryRun) {
        return LocalHostContext.open(root.dir(), dryRun, state.resolve("bosun.db"), "test");
    }

    private CompartmentSpec spec(String json) {
        try (LocalHostContext ctx = context(true)) {
            return compartments.importSpec(ctx, json, null);
        }
    }

    private TreeFingerprint tree() {
        return TreeFingerprint.of(root.dir(), SHADOW_BACKUPS);
    }

    /** The plan of a dry-run, checking that it changed nothing. */
    private CompartmentApplied dryApply(CompartmentSpec spec) {
        TreeFingerprint before = tree();
        CompartmentApplied planned;
        try (LocalHostContext ctx = context(true)) {
            planned = compartments.apply(ctx, spec, null);
        }
        assertEquals(before, tree(), "a dry-run changed the root");
        return planned;
    }

    private CompartmentApplied apply(CompartmentSpec spec) {
        try (LocalHostContext ctx = context(false)) {
            return compartments.apply(ctx, spec, null);
        }
    }

    private static List<String> lines(List<Change> changes) {
        return changes.stream().map(c -> c.kind() + " " + c.target() + " | " + c.summary()).toList();
    }

    @Test
    void applyStatusReapplyChangeRemoveLeavesTheRootAsItWas() throws Exception {
        TreeFingerprint pristine = tree();
        CompartmentSpec first = spec(SPEC);

        CompartmentApplied planned = dryApply(first);
        CompartmentApplied applied = apply(first);
        assertTrue(applied.changed());
        assertEquals(lines(planned.changes()), lines(applied.changes()), "the dry-run plan is the real run's -v list");
        String passwd = root.read("/etc/passwd");
        assertTrue(passwd.contains("\nqm-web:") && passwd.contains("\nqmh-web-101:"), passwd);
        assertTrue(root.read("/etc/subuid").contains("qm-web:"));
        String home = root.dir() + "/home/qm-web";
        String unit = Files.readString(Path.of(home, ".config/containers/systemd/web.container"));
        assertTrue(unit.contains("Volume=/var/lib/bosun-volumes/web/html:/usr/share/nginx/html:ro"), unit);
        assertTrue(unit.contains("UIDMap=101:102:1") && unit.contains("WantedBy=default.target"), unit);
        assertTrue(Files.readString(Path.of(home, ".config/containers/storage.conf")).contains("graphroot"));
        assertTrue(Files.exists(root.path("/var/lib/systemd/linger/qm-web")));
        long helperUid = (Integer) Files.getAttribute(root.path("/var/lib/bosun-volumes/web/cache"), "unix:uid");
        assertTrue(passwd.contains("\nqmh-web-101:x:" + helperUid + ":"), "the cache volume belongs to the helper");

        try (LocalHostContext ctx = context(false)) {
            CompartmentStatus status = compartments.status(ctx, "web");
            assertTrue(status.clean(), lines(status.drift()).toString());
        }
        assertTrue(dryApply(first).changes().isEmpty());
        assertTrue(apply(first).changes().isEmpty(), "a second apply plans nothing");

        // Drift: a unit file edited by hand shows as the write that would put it back.
        Path webUnit = Path.of(home, ".config/containers/systemd/web.container");
        Files.writeString(webUnit, unit.replace("8080:80", "8081:80"));
        try (LocalHostContext ctx = context(false)) {
            CompartmentStatus status = compartments.status(ctx, "web");
            assertFalse(status.clean());
            assertTrue(status.drift().stream().anyMatch(c -> c.target().endsWith("/web.container") && c.diff().contains("+PublishPort=8080:80")),
                    lines(status.drift()).toString());
        }
        apply(first);

        CompartmentSpec changed = spec(CHANGED);
        CompartmentApplied plannedChange = dryApply(changed);
        List<String> targets = plannedChange.changes().stream().filter(c -> c.kind() != Change.Kind.NOTE)
                .map(c -> c.kind() + " " + c.target()).toList();
        assertEquals(List.of("state compartments/web",
                "write /home/qm-web/.config/containers/systemd/web.container",
                "create /home/qm-web/.config/containers/systemd/redis.container",
                "state compartments/web"), targets, lines(plannedChange.changes()).toString());
        assertTrue(plannedChange.warnings().stream().anyMatch(w -> w.contains("/var/lib/bosun-volumes/web/cache")),
                plannedChange.warnings().toString());
        CompartmentApplied appliedChange = apply(changed);
        assertEquals(lines(plannedChange.changes()), lines(appliedChange.changes()));
        assertTrue(apply(changed).changes().isEmpty());

        TreeFingerprint beforeRemove = tree();
        try (LocalHostContext ctx = context(true)) {
            assertTrue(compartments.remove(ctx, "web", null).changed());
        }
        assertEquals(beforeRemove, tree(), "a dry-run remove changed the root");
        try (LocalHostContext ctx = context(false)) {
            CompartmentRemoved removed = compartments.remove(ctx, "web", null);
            assertTrue(removed.changed());
            assertTrue(compartments.list(ctx).isEmpty());
            assertFalse(compartments.remove(ctx, "web", null).changed());
        }
        assertEquals(pristine, tree(), "remove leaves the root as it was before apply");
    }

    /**
     * A remove killed after it forgot the last compartment and before it released the shared directories (the volume
     * base, /var/lib/systemd/linger and the parents Bosun made): the rerun of remove finds no compartment left and
     * must still take those away (found by the reliability runner's compartment kill trials).
     */
    @Test
    void aRemoveRerunAfterTheLastCompartmentWasForgottenReleasesTheSharedDirectories() throws Exception {
        TreeFingerprint pristine = tree();
        apply(spec(SPEC));
        try (LocalHostContext ctx = context(false)) {
            compartments.remove(ctx, "web", null);
        }
        try (LocalHostContext ctx = context(false)) {
            OwnershipStore store = new OwnershipStore(ctx);
            // Put the shared records and directories back as the killed run would have left them.
            SharedDirs.ensure(ctx, store, Volumes.BASE);
            SharedDirs.ensure(ctx, store, "/var/lib/systemd/linger");
        }
        assertTrue(Files.isDirectory(root.path(Volumes.BASE)), "the shared directories are back, unreleased");
        try (LocalHostContext ctx = context(true)) {
            CompartmentRemoved planned = compartments.remove(ctx, "web", null);
            assertTrue(planned.changed(), "the rerun plans the release: " + lines(planned.changes()));
        }
        try (LocalHostContext ctx = context(false)) {
            assertTrue(compartments.remove(ctx, "web", null).changed());
            assertFalse(compartments.remove(ctx, "web", null).changed(), "and then nothing is left to do");
        }
        assertEquals(pristine, tree(), "the rerun leaves the root as it was before apply");
    }

    /**
     * A remove killed after userdel and before the home was deleted (users.remove deletes it after userdel): the
     * user, and so its home's path, is gone from the account files, but remove recorded the home with its uid first,
     * so the rerun deletes it (found by the reliability runner's compartment kill trials: homes left behind).
     */
    @Test
    void aRemoveRerunAfterUserdelStillDeletesTheHome() throws Exception {
        TreeFingerprint pristine = tree();
        apply(spec(SPEC));
        try (LocalHostContext ctx = context(false)) {
            // What the killed remove left: its write-ahead record of the home, the account gone, the home still there.
            dev.bosun.stdlib.users.User u = dev.bosun.stdlib.users.Accounts.read(ctx.fs()).user("qm-web");
            new OwnershipStore(ctx).claim("web", List.of(new Owned(Owned.Kind.HOME, u.uid() + ":" + u.home())));
            new dev.bosun.stdlib.users.UsersModule().remove(ctx, "qm-web", new dev.bosun.stdlib.users.RemoveOptions(false, true));
        }
        assertTrue(Files.isDirectory(root.path("/home/qm-web")), "the home outlived its user");
        try (LocalHostContext ctx = context(false)) {
            assertTrue(compartments.remove(ctx, "web", null).changed());
            assertFalse(compartments.remove(ctx, "web", null).changed());
        }
        assertFalse(Files.exists(root.path("/home/qm-web")), "the rerun deleted the home");
        assertEquals(pristine, tree(), "the rerun leaves the root as it was before apply");
    }

    /** A home recorded for a uid that no longer owns the directory is not deleted (it is someone else's now). */
    @Test
    void aRecordedHomeOwnedByAnotherUidIsKept() throws Exception {
        apply(spec(SPEC));
        Path other = root.path("/home/qm-web");
        try (LocalHostContext ctx = context(false)) {
            dev.bosun.stdlib.users.User u = dev.bosun.stdlib.users.Accounts.read(ctx.fs()).user("qm-web");
            new OwnershipStore(ctx).claim("web", List.of(new Owned(Owned.Kind.HOME, u.uid() + ":" + u.home())));
            new dev.bosun.stdlib.users.UsersModule().remove(ctx, "qm-web", new dev.bosun.stdlib.users.RemoveOptions(false, true));
        }
        Files.setAttribute(other, "unix:uid", 65534);
        try (LocalHostContext ctx = context(false)) {
            CompartmentRemoved removed = compartments.remove(ctx, "web", null);
            assertTrue(removed.warnings().stream().anyMatch(w -> w.contains("owned by uid 65534")), removed.warnings().toString());
            assertTrue(compartments.list(ctx).isEmpty());
        }
        assertTrue(Files.isDirectory(other), "a directory another uid owns is not deleted");
    }
}
