package dev.bosun.stdlib.quadlet;

import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.Severity;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** quadlet.validate reports what Podman's generator would raise, in its words, every error and not just the first. */
class ValidationVerdictTest {
    private static List<String> errors(String text, UnitType type, String file, String podman, Set<String> units) {
        return QuadletValidator.validate(UnitFile.parse(text), type, file,
                        new ValidationTarget(PodmanVersion.parse("v", podman), units)).stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.by() + ": " + f.message()).toList();
    }

    @Test
    void errorsTheOldValidatorMissed() {
        assertEquals(List.of("podman: UidMap set without RemapUsers"),
                errors("[Container]\nImage=quay.io/x/y\nRemapUid=0:1000:1\n", UnitType.CONTAINER, "r.container", "6.0", null));
        assertEquals(List.of("podman: key Type can't be used without Device"),
                errors("[Volume]\nType=tmpfs\n", UnitType.VOLUME, "v.volume", "6.0", null));
        assertEquals(List.of("podman: key Options can't be used without Device"),
                errors("[Volume]\nOptions=size=1g\n", UnitType.VOLUME, "v.volume", "5.8", null));
        assertEquals(List.of(), errors("[Volume]\nOptions=size=1g\n", UnitType.VOLUME, "v.volume", "6.0", null));
        assertEquals(List.of("podman: SetWorkingDirectory=file is only supported in .build files"),
                errors("[Kube]\nYaml=a.yml\nSetWorkingDirectory=file\n", UnitType.KUBE, "k.kube", "6.0", null));
        assertEquals(List.of("podman: unsupported value for WorkingDirectory: /srv "),
                errors("[Kube]\nYaml=a.yml\nSetWorkingDirectory=/srv\n", UnitType.KUBE, "k.kube", "6.0", null));
        assertEquals(List.of("podman: quadlet pod unit db.pod does not exist"),
                errors("[Container]\nImage=quay.io/x/y\nPod=db.pod\n", UnitType.CONTAINER, "c.container", "6.0",
                        Set.of("c.container")));
    }

    @Test
    void everyErrorIsReportedFirstOneFirst() {
        List<String> all = errors("[Container]\nBOGUS=1\nGroup=wheel\nReloadCmd=/bin/true\nReloadSignal=HUP\nExposeHostPort=x\n",
                UnitType.CONTAINER, "c.container", "6.0", null);
        assertEquals(List.of("podman: unsupported key 'BOGUS' in group 'Container'",
                "podman: no Image or Rootfs key specified",
                "podman: ReloadCmd and ReloadSignal are mutually exclusive but both are set",
                "podman: invalid Group set without User",
                "podman: invalid port format 'x'"), all);
    }

    @Test
    void referencesResolveAgainstTheNeighboursWhenGiven() {
        String web = "[Unit]\nRequires=db.volume\n[Container]\nImage=app.build\nNetwork=front.network\nVolume=data.volume:/d\n";
        assertEquals(List.of(), errors(web, UnitType.CONTAINER, "web.container", "6.0", null), "neighbours unknown: no reference errors");
        assertEquals(List.of("podman: unable to translate dependency for db.volume",
                        "podman: requested Quadlet image app.build was not found",
                        "podman: requested Quadlet unit front.network was not found",
                        "podman: requested Quadlet source data.volume was not found"),
                errors(web, UnitType.CONTAINER, "web.container", "6.0", Set.of()));
        assertEquals(List.of(), errors(web, UnitType.CONTAINER, "web.container", "6.0",
                Set.of("db.volume", "app.build", "front.network", "data.volume")));
    }

    @Test
    void bosunsOwnChecksAreMarked() {
        List<Finding> fs = QuadletValidator.validate(UnitFile.parse("[Container]\nImage=quay.io/x/y\n[Service]\nRestart=unless-stopped\nUser=app\n"),
                UnitType.CONTAINER, "c.container", new ValidationTarget(null, null));
        assertEquals(List.of("warning podman using key User in the Service group is not supported - use at your own risk",
                "error bosun Restart=unless-stopped is not a systemd value (use no, on-success, on-failure, on-abnormal, "
                        + "on-watchdog, on-abort or always)"),
                fs.stream().map(f -> f.severity() + " " + f.by() + " " + f.message()).toList());
        assertTrue(fs.stream().allMatch(f -> f.line() != null));
    }
}
