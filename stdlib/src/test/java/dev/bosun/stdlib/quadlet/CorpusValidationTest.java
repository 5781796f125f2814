package dev.bosun.stdlib.quadlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.Severity;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our validation against the generator's verdicts recorded in the corpus manifest (Podman 6.0-dev). */
class CorpusValidationTest {
    /**
     * Validation is the generator's verdict: a case the generator rejects gets its error first (Podman's text),
     * a case it accepts gets no error from Podman's rules; expected warnings are there.
     */
    @Test
    void everyManifestCaseGetsTheGeneratorsVerdict() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(QuadletCorpus.manifest().toFile());
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : manifest) {
            cases++;
            String file = c.get("file").asText();
            Set<String> units = new HashSet<>();
            units.add(file);
            c.get("dependencies").forEach(d -> units.add(d.asText()));
            List<Finding> findings = validate(file, new ValidationTarget(PodmanVersion.NEWEST, units));
            String expected = c.get("stderrContains").asText().replaceFirst("^converting \"[^\"]*\": ", "")
                    .replaceFirst("^Warning: ", "");
            List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR && f.by().equals(Finding.PODMAN)).toList();
            if (c.get("exitCode").asInt() == 1) {
                if (errors.isEmpty() || !errors.getFirst().message().contains(expected)) {
                    failures.add(file + ": expected first error containing [" + expected + "], got " + findings);
                }
            } else {
                if (!errors.isEmpty()) {
                    failures.add(file + ": expected no error, got " + errors);
                }
                if (!expected.isEmpty() && findings.stream().noneMatch(f -> f.message().contains(expected))) {
                    failures.add(file + ": expected a warning containing [" + expected + "], got " + findings);
                }
            }
        }
        assertEquals(216, cases);
        assertEquals(List.of(), failures);
    }

    @Test
    void unknownKeyUsesPodmansWording() {
        UnitFile f = UnitFile.parse("[Container]\nImage=quay.io/x/y\nBOGUS=foo\n");
        List<Finding> fs = QuadletValidator.validate(f, UnitType.CONTAINER, "bogus.container", new ValidationTarget(null, null));
        assertEquals(List.of(new Finding(Severity.ERROR, "BOGUS", 3, "unsupported key 'BOGUS' in group 'Container'")), fs);
        assertEquals("converting \"bogus.container\": unsupported key 'BOGUS' in group 'Container'", fs.getFirst().asPodmanWould("bogus.container"));
    }

    @Test
    void groupWithoutUserIsAnError() throws IOException {
        List<Finding> fs = validate("group.container", new ValidationTarget(null, Set.of("group.container")));
        assertTrue(fs.stream().anyMatch(f -> f.message().equals("invalid Group set without User")), fs.toString());
    }

    @Test
    void keysNewerThanTheTargetAreErrors() {
        UnitFile f = UnitFile.parse("[Container]\nImage=quay.io/x/y\nReloadCmd=/bin/true\n");
        List<Finding> on54 = QuadletValidator.validate(f, UnitType.CONTAINER, "r.container",
                new ValidationTarget(PodmanVersion.parse("podman", "5.4"), null));
        assertEquals(1, on54.size(), on54.toString());
        assertEquals("ReloadCmd", on54.getFirst().key());
        assertEquals(3, on54.getFirst().line());
        assertTrue(on54.getFirst().message().startsWith("unsupported key 'ReloadCmd' in group 'Container' (Podman 5.4"), on54.toString());
        assertEquals(List.of(), QuadletValidator.validate(f, UnitType.CONTAINER, "r.container",
                new ValidationTarget(PodmanVersion.parse("podman", "5.8.2"), null)));
        UnitFile vol = UnitFile.parse("[Volume]\nUID=1000\n");
        assertEquals(1, QuadletValidator.validate(vol, UnitType.VOLUME, "v.volume",
                new ValidationTarget(PodmanVersion.V5_8, null)).size());
        assertEquals(0, QuadletValidator.validate(vol, UnitType.VOLUME, "v.volume",
                new ValidationTarget(PodmanVersion.parse("podman", "6.0.0-dev"), null)).size());
        UnitFile art = UnitFile.parse("[Artifact]\nArtifact=quay.io/a/b:1\n");
        assertTrue(QuadletValidator.validate(art, UnitType.ARTIFACT, "a.artifact",
                new ValidationTarget(PodmanVersion.V5_4, null)).stream().anyMatch(x -> x.message().contains("does not read .artifact files (they came with Podman 5.7)")));
    }

    @Test
    void everyFivePointEightKeyInTheCorpusIsFlaggedForFivePointFour() throws IOException {
        // apparmor.container uses AppArmor=, added after 5.4.
        List<Finding> fs = validate("apparmor.container", new ValidationTarget(PodmanVersion.V5_4, null));
        assertTrue(fs.stream().anyMatch(f -> "AppArmor".equals(f.key()) && f.severity() == Severity.ERROR), fs.toString());
    }

    @Test
    void bosunsOwnChecks() {
        UnitFile f = UnitFile.parse("""
                [Unit]
                DefaultDependencies=no
                Requires=app.service
                [Container]
                Image=docker.io/library/nginx:1.27
                VolatileTmp=yes
                ReadOnly=maybe
                [Service]
                Restart=unless-stopped
                MemoryLimit=1G
                CPUQuota=50
                KillMode=process
                """);
        List<Finding> fs = QuadletValidator.validate(f, UnitType.CONTAINER, "web.container",
                new ValidationTarget(null, Set.of("web.container", "app.build")));
        List<String> msgs = fs.stream().map(x -> x.severity() + " " + x.key() + "@" + x.line() + " " + x.message()).toList();
        String all = String.join("\n", msgs);
        assertTrue(all.contains("error Restart@9 Restart=unless-stopped is not a systemd value"), all);
        assertTrue(all.contains("warning MemoryLimit@10 MemoryLimit= is the deprecated cgroup v1 setting"), all);
        assertTrue(all.contains("error CPUQuota@11"), all);
        assertTrue(all.contains("error KillMode@12 invalid KillMode 'process'"), all);
        assertTrue(all.contains("warning VolatileTmp@6 key VolatileTmp in group 'Container' is deprecated"), all);
        assertTrue(all.contains("warning ReadOnly@7 ReadOnly=maybe is not a boolean"), all);
        assertTrue(all.contains("warning DefaultDependencies@2"), all);
        assertTrue(all.contains("warning Requires@3 app.service is not generated by Quadlet: the service of app.build is app-build.service"), all);
    }

    /** The case file with its drop-ins applied, validated. */
    static List<Finding> validate(String file, ValidationTarget target) throws IOException {
        Path dir = QuadletCorpus.dir();
        UnitType type = UnitType.ofFileName(file);
        UnitFile unit = UnitFile.parse(Files.readString(dir.resolve(file)));
        return QuadletValidator.validate(unit.withDropIns(dropIns(dir, file)), type, file, target);
    }

    /** Drop-ins as the generator finds them: {@code <file>.d/} and, for an instance, the template's dir. */
    static List<UnitFile> dropIns(Path dir, String file) throws IOException {
        List<Path> dirs = new ArrayList<>();
        dirs.add(dir.resolve(file + ".d"));
        int at = file.indexOf('@');
        int dot = file.lastIndexOf('.');
        if (at >= 0 && dot > at + 1) {
            dirs.add(dir.resolve(file.substring(0, at + 1) + file.substring(dot) + ".d"));
        }
        TreeMap<String, Path> byName = new TreeMap<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".conf")).forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
            }
        }
        List<UnitFile> out = new ArrayList<>();
        for (Path p : byName.values()) {
            out.add(UnitFile.parse(Files.readString(p)));
        }
        return out;
    }
}
