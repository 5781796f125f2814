package dev.bosun.plugins.sandbox;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ISO-builder run (sandbox.md) as podman argv, docker argv and a Quadlet unit the stdlib validator accepts. */
class SandboxSpecTest {
    static SandboxSpec isoBuild(boolean privileged) {
        return new SandboxSpec("localhost/debate-archiso-builder:latest", "debate-build-42", "none", true,
                List.of("/tmp:exec,mode=1777", "/var/tmp:exec,mode=1777", "/build/work:exec"), "ALL",
                List.of("SYS_ADMIN", "MKNOD"), privileged, List.of(),
                List.of("/srv/profile:/build/profile:ro", "/srv/out:/build/output:rw"), "8g", 4.0,
                Map.of("SOURCE_DATE_EPOCH", "1700000000"), 1200, null,
                List.of("mkarchiso", "-v", "-w", "/build/work", "-o", "/build/output", "/build/profile"));
    }

    @Test
    void podmanAndDockerArgv() {
        SpecResult r = new SandboxModule().spec(null, isoBuild(false));
        List<String> common = List.of("--tmpfs=/tmp:exec,mode=1777", "--tmpfs=/var/tmp:exec,mode=1777",
                "--tmpfs=/build/work:exec", "--cap-drop=ALL", "--cap-add=SYS_ADMIN", "--cap-add=MKNOD",
                "--volume=/srv/profile:/build/profile:ro", "--volume=/srv/out:/build/output:rw", "--memory=8g",
                "--cpus=4", "--env=SOURCE_DATE_EPOCH=1700000000", "localhost/debate-archiso-builder:latest", "mkarchiso", "-v",
                "-w", "/build/work", "-o", "/build/output", "/build/profile");
        List<String> podman = new java.util.ArrayList<>(List.of("podman", "run", "--rm", "--name=debate-build-42",
                "--network=none", "--read-only", "--read-only-tmpfs=false"));
        podman.addAll(common);
        List<String> docker = new java.util.ArrayList<>(List.of("docker", "run", "--rm", "--name=debate-build-42",
                "--network=none", "--read-only"));
        docker.addAll(common);
        assertEquals(podman, r.podman());
        assertEquals(docker, r.docker());
        assertEquals(1200, r.timeoutSeconds());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void unitIsEquivalentAndValidForPodman54AndNewest() {
        String unit = new SandboxModule().spec(null, isoBuild(false)).unit();
        assertEquals("""
                [Unit]
                Description=Bosun sandbox debate-build-42

                [Container]
                AddCapability=SYS_ADMIN
                AddCapability=MKNOD
                ContainerName=debate-build-42
                DropCapability=ALL
                Environment=SOURCE_DATE_EPOCH=1700000000
                Exec=mkarchiso -v -w /build/work -o /build/output /build/profile
                Image=localhost/debate-archiso-builder:latest
                Network=none
                PodmanArgs=--memory=8g
                PodmanArgs=--cpus=4
                ReadOnly=true
                ReadOnlyTmpfs=false
                Tmpfs=/tmp:exec,mode=1777
                Tmpfs=/var/tmp:exec,mode=1777
                Tmpfs=/build/work:exec
                Volume=/srv/profile:/build/profile:ro
                Volume=/srv/out:/build/output:rw

                [Service]
                RuntimeMaxSec=1200
                """, unit);
        for (PodmanVersion v : List.of(PodmanVersion.V5_4, PodmanVersion.NEWEST)) {
            assertEquals(List.of(), QuadletValidator.validate(UnitFile.parse(unit), UnitType.CONTAINER,
                    "debate-build-42.container", new ValidationTarget(v, null)), "Podman " + v);
        }
    }

    /** Values systemd would split or expand are escaped by the quadlet writer and read back unchanged. */
    @Test
    void unitValuesRoundTripThroughTheQuadletParser() {
        SandboxSpec s = new SandboxSpec("localhost/builder:1", null, null, false, null, null, null, null, null, null,
                null, null, Map.of("GREETING", "hello \"world\" 100% $HOME"), null, null,
                List.of("sh", "-c", "echo $GREETING; exit 0"));
        String unit = new SandboxModule().spec(null, s).unit();
        ContainerSpec back = (ContainerSpec) SpecCodec.fromUnitFile(UnitFile.parse(unit), UnitType.CONTAINER, "x");
        assertEquals(Map.of("GREETING", "hello \"world\" 100%% $HOME"), back.environment(), unit);
        assertEquals(List.of("sh", "-c", "echo $GREETING; exit 0"), back.exec(), unit);
        assertEquals(List.of(), QuadletValidator.validate(UnitFile.parse(unit), UnitType.CONTAINER,
                "sandbox.container", new ValidationTarget(PodmanVersion.V5_4, null)));
    }

    @Test
    void privilegedWithCapDropsWarns() {
        SpecResult r = new SandboxModule().spec(null, isoBuild(true));
        assertTrue(r.podman().contains("--privileged") && r.docker().contains("--privileged"));
        assertTrue(r.unit().contains("PodmanArgs=--privileged\nPodmanArgs=--memory=8g\nPodmanArgs=--cpus=4\n"), r.unit());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().getFirst().startsWith("privileged gives the container every capability and device, "
                + "which voids capDrop ALL"), r.warnings().getFirst());
    }

    @Test
    void defaultsAreLockedDownAndGvisorIsPassed() {
        SandboxSpec s = new SandboxSpec("alpine", null, null, null, null, null, null, null, null, null, null, null,
                null, null, "runsc", null);
        assertEquals(List.of("docker", "run", "--rm", "--network=none", "--read-only", "--cap-drop=ALL",
                "--runtime=runsc", "alpine"), RunArgv.of("docker", s));
    }

    @Test
    void shortImageNameWarns() {
        SandboxSpec s = new SandboxSpec("alpine", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertEquals(List.of("image alpine is a short name: the registry is chosen by short-name aliases at pull time; "
                + "give the registry (e.g. docker.io/library/alpine or localhost/alpine)"), SandboxModule.warnings(s));
    }

    @Test
    void badValuesNameTheFieldAndRule() {
        assertEquals("image \"Bad Image\" must match an image reference like registry/name:tag",
                assertThrows(InvalidValueException.class, () -> new SandboxSpec("Bad Image", null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null)).getMessage());
        assertEquals("tmpfs \"tmp\" must match PATH[:OPTIONS] with an absolute path, e.g. /tmp:exec,mode=1777",
                assertThrows(InvalidValueException.class, () -> new SandboxSpec("alpine", null, null, null,
                        List.of("tmp"), null, null, null, null, null, null, null, null, null, null, null)).getMessage());
        assertEquals("cpus 0.0 must be more than 0 and at most 1024",
                assertThrows(InvalidValueException.class, () -> new SandboxSpec("alpine", null, null, null, null, null,
                        null, null, null, null, null, 0.0, null, null, null, null)).getMessage());
        assertEquals("memory \"8 GB\" must match a size like 512m or 8g",
                assertThrows(InvalidValueException.class, () -> new SandboxSpec("alpine", null, null, null, null, null,
                        null, null, null, null, "8 GB", null, null, null, null, null)).getMessage());
    }

    @Test
    void dockerRuntimeKeys() {
        assertEquals(List.of("io.containerd.runc.v2", "runc", "runsc"), DockerRuntimes.parse(
                "{\"io.containerd.runc.v2\":{\"path\":\"runc\"},\"runc\":{\"path\":\"runc\",\"args\":[\"a\"]},"
                        + "\"runsc\":{\"path\":\"/usr/local/bin/runsc\"}}"));
        assertEquals(List.of(), DockerRuntimes.parse("null"));
    }
}
