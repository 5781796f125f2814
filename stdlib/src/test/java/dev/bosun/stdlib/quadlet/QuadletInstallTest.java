package dev.bosun.stdlib.quadlet;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.FileStat;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.quadlet.install.InstallResult;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Install, list, read, remove and bundles on a scratch root with a user made by the real useradd. */
class QuadletInstallTest {
    private static final String DIR = "/home/web/.config/containers/systemd";
    private final QuadletModule q = new QuadletModule();
    private ScratchRoot root;
    private int uid;

    @BeforeEach
    void createUser() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/sbin/useradd").canExecute(), "shadow-utils useradd is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "useradd --prefix needs root");
        root = ScratchRoot.fromHostEtc();
        try (LocalHostContext ctx = root.context(false)) {
            ctx.exec().run(Command.of("useradd", "-m", "-d", "/home/web", "-s", "/usr/sbin/nologin", "web").asMutating()
                    .withPrefix("--prefix", List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow", "/etc/subuid", "/etc/subgid")));
        }
        for (String line : root.read("/etc/passwd").split("\n")) {
            if (line.startsWith("web:")) {
                uid = Integer.parseInt(line.split(":")[2]);
            }
        }
        assertTrue(uid > 0);
    }

    @AfterEach
    void cleanup() throws Exception {
        if (root != null) {
            root.close();
        }
    }

    private QuadletUnit web() {
        return q.parse(null, "[Container]\nImage=docker.io/library/nginx:1.27\nPublishPort=8080:80\n", new QuadletOptions.Parse("web.container"));
    }

    @Test
    void installIsOwnedAtomicIdempotentAndRefusesSilentOverwrite() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            InstallResult r = q.install(ctx, "web", web(), null);
            assertEquals(DIR + "/web.container", r.path());
            assertTrue(r.changed());
            FileStat st = ctx.fs().stat(r.path());
            assertEquals(0644, st.mode());
            assertEquals(uid, st.uid());
            assertEquals(uid, ctx.fs().stat(DIR).uid());
            assertEquals(web().text(), root.read(r.path()));
            // No temp file left behind by the atomic write.
            assertEquals(List.of("web.container"), ctx.fs().list(DIR));

            assertFalse(q.install(ctx, "web", web(), null).changed());

            QuadletUnit other = q.parse(null, "[Container]\nImage=docker.io/library/nginx:1.28\n", new QuadletOptions.Parse("web.container"));
            BosunException e = assertThrows(BosunException.class, () -> q.install(ctx, "web", other, null));
            assertTrue(e.getMessage().contains("already exists with different content; pass replace: true"), e.getMessage());
            assertEquals(web().text(), root.read(r.path()));
            assertTrue(q.install(ctx, "web", other, new QuadletOptions.Install(null, true, null)).changed());
            assertEquals(other.text(), root.read(r.path()));

            assertEquals(1, q.list(ctx, "web").size());
            assertEquals(other.text(), q.read(ctx, "web", "web.container").text());
            assertTrue(q.remove(ctx, "web", "web.container").changed());
            assertFalse(q.remove(ctx, "web", "web.container").changed());
            assertEquals(List.of(), q.list(ctx, "web"));
        }
    }

    @Test
    void invalidUnitsAndBadNamesChangeNothing() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            QuadletUnit bad = q.parse(null, "[Container]\nImage=quay.io/x/y\nReloadCmd=/bin/true\n", new QuadletOptions.Parse("r.container"));
            BosunException e = assertThrows(BosunException.class, () -> q.install(ctx, "web", bad, new QuadletOptions.Install(null, null, "5.4")));
            assertEquals("r.container line 3: unsupported key 'ReloadCmd' in group 'Container' (Podman 5.4 does not know ReloadCmd=; "
                    + "it needs Podman 5.5) (Podman 5.4 would reject it; nothing was installed)", e.getMessage());
            InvalidValueException iv = assertThrows(InvalidValueException.class, () -> q.install(ctx, "nobody-here", web(), null));
            assertTrue(iv.getMessage().startsWith("user \"nobody-here\" must be a user in /etc/passwd"), iv.getMessage());
            iv = assertThrows(InvalidValueException.class, () -> q.read(ctx, "web", "../x.container"));
            assertTrue(iv.getMessage().startsWith("name \"../x\" must match"), iv.getMessage());
            assertEquals(0, ctx.plan().size());
            assertFalse(Files.exists(root.path(DIR)));
        }
    }

    @Test
    void dryRunPlansAndWritesNothing() throws Exception {
        try (LocalHostContext ctx = root.context(true)) {
            InstallResult r = q.install(ctx, "web", web(), null);
            assertTrue(r.changed());
            assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.target().equals(DIR + "/web.container") && c.diff().contains("+Image=docker.io/library/nginx:1.27")));
            // The dry-run view sees the planned file, the real root does not.
            assertEquals(1, q.list(ctx, "web").size());
        }
        assertFalse(Files.exists(root.path(DIR + "/web.container")));
    }

    /** The generated-service notes of the plan, by target. */
    private static List<dev.bosun.api.Change> generatedNotes(LocalHostContext ctx) {
        return ctx.plan().changes().stream().filter(c -> c.kind() == dev.bosun.api.Change.Kind.NOTE
                && c.target().endsWith(" (generated)")).toList();
    }

    @Test
    void planShowsTheGeneratedServiceDiffAndAConvergedInstallPlansNothing() throws Exception {
        QuadletOptions.Install v54 = new QuadletOptions.Install(null, true, "5.4");
        try (LocalHostContext ctx = root.context(true)) {
            q.install(ctx, "web", web(), v54);
            List<dev.bosun.api.Change> notes = generatedNotes(ctx);
            assertEquals(1, notes.size(), notes.toString());
            dev.bosun.api.Change n = notes.getFirst();
            assertEquals("web.service (generated)", n.target());
            assertEquals("web.service as Podman's generator will write it at daemon-reload", n.summary());
            assertTrue(n.diff().startsWith("--- /dev/null\n+++ b/run/user/" + uid + "/systemd/generator/web.service\n"), n.diff());
            assertTrue(n.diff().contains("\n+ExecStart=/usr/bin/podman run --name systemd-%N "), n.diff());
            // A user's unit is generated as the user's generator (-user) writes it.
            assertTrue(n.diff().contains("\n+After=podman-user-wait-network-online.service\n"), n.diff());
            assertTrue(n.diff().contains("+SourcePath=" + DIR + "/web.container\n"), n.diff());
            assertTrue(n.diff().contains("--publish 8080:80"), n.diff());
        }
        try (LocalHostContext ctx = root.context(false)) {
            q.install(ctx, "web", web(), v54);
            assertEquals(1, generatedNotes(ctx).size());
            int size = ctx.plan().size();
            // Same unit again: nothing written, nothing noted.
            assertFalse(q.install(ctx, "web", web(), v54).changed());
            assertEquals(size, ctx.plan().size());

            QuadletUnit newer = q.parse(null, "[Container]\nImage=docker.io/library/nginx:1.28\nPublishPort=8080:80\n",
                    new QuadletOptions.Parse("web.container"));
            q.install(ctx, "web", newer, v54);
            List<dev.bosun.api.Change> notes = generatedNotes(ctx);
            assertEquals(2, notes.size(), notes.toString());
            String diff = notes.getLast().diff();
            assertTrue(diff.startsWith("--- a/run/user/" + uid + "/systemd/generator/web.service\n"), diff);
            assertTrue(diff.lines().anyMatch(l -> l.startsWith("-ExecStart=") && l.endsWith("docker.io/library/nginx:1.27")), diff);
            assertTrue(diff.lines().anyMatch(l -> l.startsWith("+ExecStart=") && l.endsWith("docker.io/library/nginx:1.28")), diff);
            assertFalse(diff.contains("SourcePath"), "only the changed lines and their context: " + diff);
            // Notes are no changes: the result still says what was written.
            assertFalse(q.install(ctx, "web", newer, v54).changed());
        }
    }

    @Test
    void bundleInstallNotesEachChangedServiceAndRootUnitsAreGeneratedForTheSystem() throws Exception {
        String bundle = "# FileName=web\n[Container]\nImage=docker.io/x/web:1\nNetwork=web.network\n---\n"
                + "# FileName=web\n[Network]\nNetworkName=front\n";
        try (LocalHostContext ctx = root.context(true)) {
            q.bundleInstall(ctx, "root", bundle, new QuadletOptions.BundleInstall(null, "5.4"));
            List<dev.bosun.api.Change> notes = generatedNotes(ctx);
            assertEquals(List.of("web.service (generated)", "web-network.service (generated)"),
                    notes.stream().map(dev.bosun.api.Change::target).toList());
            // The container's --network is the network unit's name, read from its neighbour in the directory.
            assertTrue(notes.getFirst().diff().contains("+++ b/run/systemd/generator/web.service\n"), notes.getFirst().diff());
            assertTrue(notes.getFirst().diff().contains("--network front"), notes.getFirst().diff());
        }
    }

    @Test
    void bundleInstallIsAllOrNothing() throws Exception {
        String ok = "# FileName=web\n[Container]\nImage=docker.io/x/web:1\nNetwork=web.network\nVolume=data.volume:/data\n---\n"
                + "# FileName=web\n[Network]\n---\n# FileName=data\n[Volume]\n";
        String broken = ok.replace("[Volume]\n", "[Volume]\nBOGUS=1\n");
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class, () -> q.bundleInstall(ctx, "web", broken, null));
            assertTrue(e.getMessage().startsWith("data.volume line 3: unsupported key 'BOGUS' in group 'Volume'"), e.getMessage());
            assertFalse(Files.exists(root.path(DIR)));
            assertEquals(3, q.bundleInstall(ctx, "web", ok, null).size());
            assertEquals(List.of("data.volume", "web.container", "web.network"), ctx.fs().list(DIR));
            // A reference to a unit that is not there is refused before anything is written.
            e = assertThrows(BosunException.class, () -> q.bundleInstall(ctx, "web",
                    "# FileName=api\n[Container]\nImage=docker.io/x/api:1\nNetwork=missing.network\n", null));
            assertTrue(e.getMessage().contains("requested Quadlet unit missing.network was not found"), e.getMessage());
            String exported = q.bundleExport(ctx, "web");
            assertEquals(3, q.bundleParse(null, exported).size());
            assertTrue(q.bundleInstall(ctx, "web", exported, null).stream().noneMatch(InstallResult::changed));
        }
    }

    @Test
    void buildersInstallTheAcceptanceSet() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            QuadletUnit net = q.network(null, BuilderInjectionTest.JSON.convertValue(Map.of("name", "web", "subnet", List.of("10.89.7.0/24")), dev.bosun.stdlib.quadlet.spec.NetworkSpec.class));
            QuadletUnit vol = q.volume(null, BuilderInjectionTest.JSON.convertValue(Map.of("name", "data"), dev.bosun.stdlib.quadlet.spec.VolumeSpec.class));
            QuadletUnit c = BuilderInjectionTest.spec(Map.of("name", "web", "image", "docker.io/library/nginx:1.27",
                    "network", List.of("web.network"), "volume", List.of("data.volume:/usr/share/nginx/html"),
                    "install", Map.of("WantedBy", "default.target"))) instanceof dev.bosun.stdlib.quadlet.spec.ContainerSpec s ? q.container(null, s) : null;
            q.install(ctx, "web", net, null);
            q.install(ctx, "web", vol, null);
            q.install(ctx, "web", c, null);
            assertEquals(List.of("data.volume", "web.container", "web.network"), ctx.fs().list(DIR));
        }
    }
}
