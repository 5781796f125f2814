package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator follows the release it is asked for: keys, unit types and the behaviour that changed. */
class GeneratorReleaseTest {
    private static PodmanVersion v(String s) {
        return PodmanVersion.parse("v", s);
    }

    /** Generates the units together and returns the result of the last one named. */
    private static GeneratedUnit generate(String version, String... nameAndText) {
        List<SourceUnit> units = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            units.add(new SourceUnit(nameAndText[i], "/etc/containers/systemd/" + nameAndText[i],
                    UnitFile.parse(nameAndText[i + 1]), List.of()));
        }
        return new QuadletGenerator(new GeneratorOptions(null, false, v(version), p -> false))
                .generate(units, new GeneratorLog()).stream()
                .filter(u -> u.source().equals(nameAndText[nameAndText.length - 2])).findFirst().orElseThrow();
    }

    @Test
    void keysPerReleaseLineComeFromPodmansSourceAtEachTag() {
        assertFalse(ReleaseKeys.accepts(v("4.4.4"), "container", "UserNS"));
        assertTrue(ReleaseKeys.accepts(v("4.5.0"), "container", "UserNS"));
        assertFalse(ReleaseKeys.accepts(v("5.4.2"), "container", "ReloadCmd"));
        assertTrue(ReleaseKeys.accepts(v("5.5.0"), "container", "ReloadCmd"));
        assertTrue(ReleaseKeys.accepts(v("5.9.1"), "container", "ReloadCmd"), "between lines: the line before");
        assertFalse(ReleaseKeys.accepts(v("5.8.2"), "volume", "UID"));
        assertTrue(ReleaseKeys.accepts(v("6.0.0"), "volume", "UID"));
        assertTrue(ReleaseKeys.accepts(v("7.1"), "volume", "UID"), "newer than 6.0: as 6.0");
        assertNull(ReleaseKeys.of(v("4.3.1")));
        assertEquals(v("4.5"), ReleaseKeys.since(UnitType.CONTAINER, "UserNS"));
        assertEquals(29, ReleaseKeys.of(v("4.4")).get("container").size());
    }

    @Test
    void aKeyFromALaterReleaseIsPodmansUnsupportedKey() {
        GeneratedUnit u = generate("5.4", "r.container", "[Container]\nImage=quay.io/x/y\nReloadCmd=/bin/true\n");
        assertEquals("converting \"r.container\": unsupported key 'ReloadCmd' in group 'Container' in "
                + "/etc/containers/systemd/r.container", u.error());
        assertTrue(generate("5.5", "r.container", "[Container]\nImage=quay.io/x/y\nReloadCmd=/bin/true\n").ok());
    }

    @Test
    void validationBelowFourFourSaysTheUnitsWouldNeverBeRead() {
        UnitFile f = UnitFile.parse("[Container]\nImage=quay.io/x/y\n");
        List<Finding> fs = QuadletValidator.validate(f, UnitType.CONTAINER, "web.container", new ValidationTarget(v("4.3.1"), null));
        assertEquals(List.of("Podman 4.3 has no Quadlet generator (Quadlet came with Podman 4.4): web.container would never be read"),
                fs.stream().map(Finding::message).toList());
        List<Finding> pod = QuadletValidator.validate(UnitFile.parse("[Pod]\n"), UnitType.POD, "p.pod", new ValidationTarget(v("4.9.3"), null));
        assertEquals("Podman 4.9 does not read .pod files (they came with Podman 5.0): p.pod would never be read",
                pod.getFirst().message());
    }

    @Test
    void stringValuesLostEveryQuoteBeforeFiveEightTwo() {
        String unit = "[Container]\nImage=quay.io/x/y\nContainerName=\"\"name\"\"\n";
        assertEquals("name", nameOf(generate("5.8.1", "q.container", unit)));
        assertEquals("\"name\"", nameOf(generate("5.8.2", "q.container", unit)));
    }

    private static String nameOf(GeneratedUnit u) {
        List<String> run = u.argv().get("ExecStart");
        return run.get(run.indexOf("--name") + 1);
    }

    @Test
    void blanksInWordsAreEscapedFromFiveSix() {
        String unit = "[Container]\nImage=quay.io/x/y\nEnvironment=\"A=b c\" BARE\n";
        assertTrue(generate("5.5", "e.container", unit).text().contains(" --env \"A=b c\" quay.io/x/y\n"));
        assertTrue(generate("5.6", "e.container", unit).text().contains(" --env \"A=b\\x20c\" --env BARE quay.io/x/y\n"));
    }

    @Test
    void podsWereAddressedThroughPodIdFilesBeforeFiveSix() {
        String pod = "[Pod]\n";
        String ctr = "[Container]\nImage=quay.io/x/y\nPod=p.pod\n";
        GeneratedUnit old = generate("5.5", "p.pod", pod, "c.container", ctr);
        assertEquals(List.of("/usr/bin/podman", "run", "--name", "systemd-%N", "--cidfile=%t/%N.cid", "--replace", "--rm",
                "--cgroups=split", "--sdnotify=conmon", "-d", "--pod-id-file", "%t/p-pod.pod-id", "quay.io/x/y"), old.argv().get("ExecStart"));
        GeneratedUnit podOld = generate("5.5", "c.container", ctr, "p.pod", pod);
        assertEquals(List.of("/usr/bin/podman", "pod", "start", "--pod-id-file=%t/%N.pod-id"), podOld.argv().get("ExecStart"));
        GeneratedUnit podNew = generate("5.6", "c.container", ctr, "p.pod", pod);
        assertEquals(List.of("/usr/bin/podman", "pod", "start", "systemd-p"), podNew.argv().get("ExecStart"));
        assertTrue(podNew.text().contains("Wants=c.service\nBefore=c.service\n"), podNew.text());
    }

    @Test
    void templatesGotSpecifierNamesInFiveSeven() {
        assertEquals("data@-volume.service", generate("5.6", "data@.volume", "[Volume]\n").service());
        assertEquals("data-volume@.service", generate("5.7", "data@.volume", "[Volume]\n").service());
        assertEquals("systemd-data-%i", generate("5.7", "data@.volume", "[Volume]\n").argv().get("ExecStart").getLast());
    }

    @Test
    void anEmptyMountSourceCrashedPodmanBeforeFiveSeven() {
        String unit = "[Container]\nImage=quay.io/x/y\nMount=type=volume,destination=/d\n";
        assertTrue(generate("5.6", "m.container", unit).error().contains("generator crashes on an empty source"));
        assertTrue(generate("5.8", "m.container", unit).error().endsWith(": source cannot be empty"));
        assertTrue(generate("6.0", "m.container", unit).ok());
    }

    @Test
    void unitDependenciesAreTranslatedFromFiveFive() {
        String ctr = "[Unit]\nRequires=db.volume\n[Container]\nImage=quay.io/x/y\n";
        assertTrue(generate("5.4", "db.volume", "[Volume]\n", "c.container", ctr).text().contains("Requires=db.volume\n"));
        assertTrue(generate("5.5", "db.volume", "[Volume]\n", "c.container", ctr).text().contains("Requires=db-volume.service\n"));
        assertEquals("converting \"c.container\": unable to translate dependency for db.volume",
                generate("5.5", "c.container", ctr).error());
    }

    @Test
    void beforeFiveThreeManyOptionsWereOneWord() {
        String unit = "[Container]\nImage=quay.io/x/y\nDNS=1.1.1.1\nAddDevice=/dev/fuse\nWorkingDir=/srv\nUser=app\nGroup=app\n"
                + "Network=host\nSecurityLabelDisable=true\nPidsLimit=100\n";
        List<String> old = generate("5.2", "w.container", unit).argv().get("ExecStart");
        assertTrue(old.containsAll(List.of("--name=systemd-%N", "--dns=1.1.1.1", "--device=/dev/fuse", "-w=/srv",
                "--user=app:app", "--network=host", "label:disable", "--pids-limit", "100")), old.toString());
        List<String> now = generate("5.3", "w.container", unit).argv().get("ExecStart");
        assertTrue(now.containsAll(List.of("--name", "systemd-%N", "--dns", "1.1.1.1", "--device", "/dev/fuse", "--workdir",
                "/srv", "--user", "app:app", "--network", "host", "label=disable")), now.toString());
        List<String> pod = generate("5.2", "p.pod", "[Pod]\n").argv().get("ExecStartPre");
        assertEquals("--name=systemd-p", pod.getLast());
        assertFalse(pod.contains("--infra-name"));
        assertTrue(generate("5.2", "n.network", "[Network]\nSubnet=10.0.0.0/24\n").argv().get("ExecStart").contains("--subnet=10.0.0.0/24"));
    }

    @Test
    void csvAndEscapesAreGos() throws GoCsv.CsvException {
        assertEquals(List.of(List.of("type=bind", "dst=/a,b", "x")), GoCsv.readAll("type=bind,\"dst=/a,b\",x", ','));
        assertEquals("type=bind,\"dst=/a,b\",\"q\"\"x\"", GoCsv.writeRecord(List.of("type=bind", "dst=/a,b", "q\"x")));
        GoCsv.CsvException bare = org.junit.jupiter.api.Assertions.assertThrows(GoCsv.CsvException.class,
                () -> GoCsv.readAll("a,b\"c", ','));
        assertEquals("parse error on line 1, column 4: bare \" in non-quoted-field", bare.getMessage());
        assertEquals(2, GoCsv.readAll("a\nb", ',').size());
        assertEquals("\"a\\x20b\" \"it's\" \"\\\\\" plain", ExecEscape.words(List.of("a b", "it's", "\\", "plain"), true));
        assertEquals("\"a b\"", ExecEscape.words(List.of("a b"), false));
        assertEquals("../../web.service", GoPaths.rel("in/a", "web.service"));
        assertNull(GoPaths.rel("..", "web.service"));
        assertEquals("/a/src", GoPaths.join("/a", "./src/"));
    }
}
