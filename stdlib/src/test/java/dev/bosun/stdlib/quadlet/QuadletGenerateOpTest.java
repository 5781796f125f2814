package dev.bosun.stdlib.quadlet;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.quadlet.generate.GeneratedUnit;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** quadlet.generate and quadlet.generateDir as scripts call them. */
class QuadletGenerateOpTest {
    private final QuadletModule q = new QuadletModule();
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        root = ScratchRoot.empty();
    }

    @AfterEach
    void tearDown() throws IOException {
        root.close();
    }

    private static QuadletUnit unit(String name, String text) {
        return new QuadletModule().parse(null, text, new QuadletOptions.Parse(name));
    }

    @Test
    void unitsAreGeneratedTogetherForTheRequestedRelease() {
        try (LocalHostContext ctx = root.context(true)) {
            List<GeneratedUnit> out = q.generate(ctx, QuadletUnits.of(List.of(
                    unit("web.container", "[Container]\nImage=docker.io/library/nginx:1.27\nNetwork=web.network\n"),
                    unit("web.network", "[Network]\n"))), new QuadletOptions.Generate("5.4", false, "/srv/units", null));
            assertEquals(List.of("web.network", "web.container"), out.stream().map(GeneratedUnit::source).toList());
            GeneratedUnit web = out.get(1);
            assertEquals("web.service", web.service());
            assertEquals(List.of("/usr/bin/podman", "run", "--name", "systemd-%N", "--cidfile=%t/%N.cid", "--replace", "--rm",
                    "--cgroups=split", "--network", "systemd-web", "--sdnotify=conmon", "-d", "docker.io/library/nginx:1.27"),
                    web.argv().get("ExecStart"));
            assertTrue(web.text().contains("SourcePath=/srv/units/web.container\n"), web.text());
            assertTrue(ctx.plan().changes().isEmpty(), "generating changes nothing");
        }
    }

    @Test
    void aFailedUnitCarriesPodmansErrorAndItsKey() {
        try (LocalHostContext ctx = root.context(true)) {
            GeneratedUnit u = q.generate(ctx, QuadletUnits.of(List.of(unit("x.container", "[Container]\nImage=quay.io/x\nPod=db\n"))),
                    new QuadletOptions.Generate("6.0", true, null, null)).getFirst();
            assertNull(u.service());
            assertEquals("converting \"x.container\": pod db is not Quadlet based", u.error());
            assertEquals("Pod", u.errorKey());
            assertEquals(3, u.errorLine());
        }
    }

    @Test
    void releasesWithoutTheGeneratorAreRefused() {
        try (LocalHostContext ctx = root.context(true)) {
            BosunException e = assertThrows(BosunException.class, () -> q.generate(ctx,
                    QuadletUnits.of(List.of(unit("x.container", "[Container]\nImage=quay.io/x\n"))),
                    new QuadletOptions.Generate("4.3.1", false, null, null)));
            assertEquals("Podman 4.3 has no Quadlet generator (it came with Podman 4.4): the units would never be read", e.getMessage());
        }
    }

    @Test
    void aDirectoryIsReadAsTheGeneratorReadsIt() throws IOException {
        root.write("/etc/containers/systemd/web.container", "[Container]\nImage=quay.io/x/web\n");
        root.write("/etc/containers/systemd/web.container.d/10-env.conf", "[Container]\nEnvironment=A=1\n");
        root.write("/etc/containers/systemd/sub/broken.container", "[Container]\nnot a line\n");
        try (LocalHostContext ctx = root.context(false)) {
            List<GeneratedUnit> out = q.generateDir(ctx, "/etc/containers/systemd", new QuadletOptions.Generate("6.0", false, null, null));
            assertEquals(2, out.size(), out.toString());
            assertEquals("error loading \"/etc/containers/systemd/sub/broken.container\", file contains line 2: "
                    + "\u201cnot a line\u201d which is not a key-value pair, group, or comment", out.get(0).error());
            assertTrue(out.get(1).argv().get("ExecStart").containsAll(List.of("--env", "A=1")), out.get(1).toString());
        }
    }
}
