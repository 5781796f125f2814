package dev.bosun.stdlib.quadlet;

import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.Severity;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generator rules the lab's differential test (lab module, QuadletGeneratorLabTest) found missing: each unit
 * here was refused by Podman 5.4.2's generator with exactly these words, or accepted where noted.
 */
class GeneratorRulesTest {
    @Test
    void remapUidOrGidWithoutRemapUsers() {
        assertEquals(List.of("UidMap set without RemapUsers"), errors(UnitType.CONTAINER, "Image=localhost/bb\nRemapUid=0:1000:1"));
        assertEquals(List.of("GidMap set without RemapUsers"), errors(UnitType.POD, "RemapGid=0:1000:1"));
        assertEquals("UidMap set without RemapUsers", errors(UnitType.KUBE, "Yaml=/k.yml\nRemapUid=1\nRemapGid=1").getFirst(),
                "Podman stops at its first error, which is the first Bosun lists");
        assertEquals(List.of(), errors(UnitType.CONTAINER, "Image=localhost/bb\nRemapUsers=auto\nRemapUid=0:1000:1"));
        assertEquals(List.of(), errors(UnitType.CONTAINER, "Image=localhost/bb\nRemapUid=0:1000:1\nRemapUid="), "cleared");
        assertEquals(List.of("RemapUsers=keep-id supports only a single value for UID mapping"),
                errors(UnitType.CONTAINER, "Image=localhost/bb\nRemapUsers=keep-id\nRemapUid=1\nRemapUid=2"));
        assertEquals(List.of(), errors(UnitType.POD, "RemapUsers=manual"), "pods take manual mappings");
        assertEquals(List.of("RemapUsers=manual is not supported"), errors(UnitType.KUBE, "Yaml=/k.yml\nRemapUsers=manual"));
        assertEquals(List.of(), errors(UnitType.CONTAINER, "Image=localhost/bb\nUIDMap=0:1:1\nRemapUidSize=10"),
                "RemapUidSize is no conflict with explicit mappings");
        assertEquals(List.of("deprecated Remap keys are set along with explicit mapping keys"),
                errors(UnitType.CONTAINER, "Image=localhost/bb\nUIDMap=0:1:1\nRemapUsers=auto"));
    }

    @Test
    void volumeTypeAndOptionsNeedADevice() {
        assertEquals(List.of("key Type can't be used without Device"), errors(UnitType.VOLUME, "Type=tmpfs"));
        assertEquals(List.of("key Options can't be used without Device"), errors(UnitType.VOLUME, "Options=size=1m"));
        assertEquals(List.of(), errors(UnitType.VOLUME, "Device=tmpfs\nType=tmpfs\nOptions=size=1m"));
        assertEquals(List.of(), errors(UnitType.VOLUME, "Driver=image\nImage=localhost/bb\nType=x"), "the image driver ignores them");
    }

    @Test
    void setWorkingDirectoryTakesWhatTheUnitTypeSupports() {
        // Podman's message ends in a blank (fmt.Errorf("unsupported value for %s: %s ", ...)); compared stripped.
        assertEquals(List.of("unsupported value for WorkingDirectory: /srv"), errors(UnitType.KUBE, "Yaml=/k.yml\nSetWorkingDirectory=/srv")
                .stream().map(String::strip).toList());
        assertEquals(List.of("SetWorkingDirectory=file is only supported in .build files"),
                errors(UnitType.KUBE, "Yaml=/k.yml\nSetWorkingDirectory=file"));
        assertEquals(List.of(), errors(UnitType.KUBE, "Yaml=/k.yml\nSetWorkingDirectory=Unit"));
        assertEquals(List.of("SetWorkingDirectory=yaml is only supported in .kube files"),
                errors(UnitType.BUILD, "ImageTag=localhost/x\nFile=/c\nSetWorkingDirectory=yaml"));
        assertEquals(List.of(), errors(UnitType.BUILD, "ImageTag=localhost/x\nSetWorkingDirectory=https://example.com/repo.git"));
    }

    @Test
    void imageAndRootfsExcludeEachOther() {
        assertEquals(List.of("the Image And Rootfs keys conflict can not be specified together"),
                errors(UnitType.CONTAINER, "Image=localhost/bb\nRootfs=/srv/root"));
        assertEquals(List.of(), errors(UnitType.CONTAINER, "Rootfs=/srv/root"));
    }

    @Test
    void exposedPortsMustEndInAPortOrRange() {
        assertEquals(List.of("invalid port format 'lab'"), errors(UnitType.CONTAINER, "Image=localhost/bb\nExposeHostPort=lab"));
        assertEquals(List.of(), errors(UnitType.CONTAINER, "Image=localhost/bb\nExposeHostPort=8000-8010/udp\nExposeHostPort= 80 "));
    }

    @Test
    void mountsNameTheirTypeAndGiveTheirSourceAValue() {
        String format = "incorrect mount format: should be --mount type=<bind|glob|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]";
        assertEquals(List.of(format), errors(UnitType.CONTAINER, "Image=localhost/bb\nMount=source=/a,target=/b"));
        // A literal quote (\" in the line) inside an unquoted CSV field: Go's csv reader refuses the record, with its
        // own words in 5.4's source (FindMountType returns the csv error as it is).
        assertEquals(List.of("parse error on line 1, column 15: bare \" in non-quoted-field"),
                errors(UnitType.CONTAINER, "Image=localhost/bb\nMount=type=bind,src=\\\"/a,target=/b"));
        assertEquals(List.of(), errors(UnitType.CONTAINER, "Image=localhost/bb\nMount=type=bind,\\\"src=/a,b\\\",target=/b"),
                "a quoted CSV field may hold a comma");
        assertEquals(List.of("source parameter does not include a value"),
                errors(UnitType.CONTAINER, "Image=localhost/bb\nMount=type=bind,source,target=/b"));
        assertEquals(List.of(), errors(UnitType.CONTAINER,
                "Image=localhost/bb\nMount=type=bind,source=/a,target=/b \"type=tmpfs,destination=/t\""));
    }

    @Test
    void aPodmanWithoutQuadletIsAnError() {
        UnitFile f = UnitFile.parse("[Container]\nImage=localhost/bb\n");
        List<Finding> debian12 = QuadletValidator.validate(f, UnitType.CONTAINER, "web.container",
                new ValidationTarget(PodmanVersion.parse("podman", "podman version 4.3.1"), null));
        assertEquals(1, debian12.size(), debian12.toString());
        assertEquals(Severity.ERROR, debian12.getFirst().severity());
        assertTrue(debian12.getFirst().message().startsWith("Podman 4.3 has no Quadlet generator"), debian12.toString());
        // 4.4 to 5.3 are generated for as those releases (quadlet generate notes what is not modelled before 5.3).
        List<Finding> old = QuadletValidator.validate(f, UnitType.CONTAINER, "web.container",
                new ValidationTarget(PodmanVersion.parse("podman", "5.0"), null));
        assertTrue(old.stream().noneMatch(x -> x.severity() == Severity.ERROR), old.toString());
    }

    private static List<String> errors(UnitType type, String body) {
        UnitFile f = UnitFile.parse("[" + type.section() + "]\n" + body + "\n");
        return QuadletValidator.validate(f, type, "t" + type.extension(), new ValidationTarget(PodmanVersion.V5_4, null))
                .stream().filter(x -> x.severity() == Severity.ERROR).map(Finding::message).toList();
    }
}
