package dev.bosun.lab;

import dev.bosun.stdlib.quadlet.KeyInfo;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.QuadletKeys;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.Severity;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * quadlet.validate against the real generator of the box's Podman (5.4.2): every key Bosun's table knows, of
 * every unit type, on a minimal valid unit (keys newer than 5.4 must be refused by both), plus combinations
 * the generator checks. Both see the same directory of units; a unit is accepted when the generator converts
 * it (its output carries the unit's SourcePath) and when quadlet.validate finds no error. Every disagreement
 * is a failure.
 */
@Lab
class QuadletGeneratorLabTest {
    private static final String DIR = "quadlet-diff";
    private static final Pattern CONVERTING = Pattern.compile("converting \"([^\"]+)\": (.*)");
    private static final Pattern SOURCE = Pattern.compile("(?m)^SourcePath=.*/([^/\\n]+)$");

    /** A valid unit of each type with nothing optional (5.4 has no .artifact: those are refused by both). */
    private static final Map<UnitType, String> MINIMAL = Map.of(
            UnitType.CONTAINER, "Image=localhost/bb\n",
            UnitType.VOLUME, "",
            UnitType.NETWORK, "",
            UnitType.KUBE, "Yaml=/srv/lab/kube.yml\n",
            UnitType.POD, "",
            UnitType.IMAGE, "Image=localhost/bb\n",
            UnitType.BUILD, "ImageTag=localhost/built\nFile=/srv/lab/Containerfile\n",
            UnitType.ARTIFACT, "Artifact=localhost/artifact:1\n");

    /** A plain value of each kind: a key is then tested for being known, not for its value. */
    private static final Map<String, String> BY_KIND = Map.of(
            "string", "lab", "bool", "true", "uint32", "1", "multi", "lab", "multi-strv", "lab",
            "multi-args", "lab", "multi-keyval", "A=b", "last-args", "lab");

    /** Combinations the generator has rules for, valid and not; other units of these names are referenced. */
    private static final Map<String, String> COMBINATIONS = cases(
            "ref.pod", "[Pod]\n",
            "ref.network", "[Network]\n",
            "ref.volume", "[Volume]\n",
            "ref.image", "[Image]\nImage=localhost/bb\n",
            "in-pod.container", "[Container]\nImage=localhost/bb\nPod=ref.pod\n",
            "missing-pod.container", "[Container]\nImage=localhost/bb\nPod=missing.pod\n",
            "on-network.container", "[Container]\nImage=localhost/bb\nNetwork=ref.network\n",
            "missing-network.container", "[Container]\nImage=localhost/bb\nNetwork=missing.network\n",
            "with-volume.container", "[Container]\nImage=localhost/bb\nVolume=ref.volume:/data\n",
            "missing-volume.container", "[Container]\nImage=localhost/bb\nVolume=missing.volume:/data\n",
            "from-image.container", "[Container]\nImage=ref.image\n",
            "missing-image.container", "[Container]\nImage=missing.image\n",
            "rootfs.container", "[Container]\nRootfs=/srv/lab/root\n",
            "image-and-rootfs.container", "[Container]\nImage=localhost/bb\nRootfs=/srv/lab/root\n",
            "nothing.container", "[Container]\nExec=/bin/true\n",
            "group-user.container", "[Container]\nImage=localhost/bb\nUser=1\nGroup=1\n",
            "port.container", "[Container]\nImage=localhost/bb\nExposeHostPort=8000-8010/udp\n",
            "mount.container", "[Container]\nImage=localhost/bb\nMount=type=bind,source=/srv,target=/srv\n",
            "mount-tmpfs.container", "[Container]\nImage=localhost/bb\nMount=type=tmpfs,destination=/t\n",
            "mount-no-type.container", "[Container]\nImage=localhost/bb\nMount=source=/srv,target=/srv\n",
            "mount-empty-source.container", "[Container]\nImage=localhost/bb\nMount=type=volume,source,target=/v\n",
            "mount-bare-quote.container", "[Container]\nImage=localhost/bb\nMount=type=bind,src=\\\"/srv,target=/srv\n",
            "mount-quoted-comma.container", "[Container]\nImage=localhost/bb\nMount=type=bind,\\\"src=/srv,x\\\",target=/t\n",
            "remap-auto.container", "[Container]\nImage=localhost/bb\nRemapUsers=auto\nRemapUid=0:1000:1\n",
            "remap-manual.container", "[Container]\nImage=localhost/bb\nRemapUsers=manual\nRemapUid=0:1000:1\n",
            "remap-keep-id-two.container", "[Container]\nImage=localhost/bb\nRemapUsers=keep-id\nRemapUid=1\nRemapUid=2\n",
            "remap-and-map.container", "[Container]\nImage=localhost/bb\nUIDMap=0:1:1\nRemapUsers=auto\n",
            "map-and-remap-size.container", "[Container]\nImage=localhost/bb\nUIDMap=0:1:1\nRemapUidSize=10\n",
            "remap-manual.pod", "[Pod]\nRemapUsers=manual\n",
            "remap-manual-kube.kube", "[Kube]\nYaml=/srv/lab/kube.yml\nRemapUsers=manual\n",
            "device.volume", "[Volume]\nDevice=tmpfs\nType=tmpfs\nOptions=size=1m\n",
            "image-driver.volume", "[Volume]\nDriver=image\n",
            "image-driver-type.volume", "[Volume]\nDriver=image\nImage=localhost/bb\nType=tmpfs\n",
            "subnet.network", "[Network]\nSubnet=10.89.1.0/24\nGateway=10.89.1.1\nIPRange=10.89.1.128/25\n",
            "two-gateways.network", "[Network]\nSubnet=10.89.2.0/24\nGateway=10.89.2.1\nGateway=10.89.2.2\n",
            "wd-yaml.kube", "[Kube]\nYaml=/srv/lab/kube.yml\nSetWorkingDirectory=yaml\n",
            "wd-unit.kube", "[Kube]\nYaml=/srv/lab/kube.yml\nSetWorkingDirectory=unit\n",
            "wd-file.kube", "[Kube]\nYaml=/srv/lab/kube.yml\nSetWorkingDirectory=file\n",
            "no-yaml.kube", "[Kube]\n",
            "wd-unit.build", "[Build]\nImageTag=localhost/b\nSetWorkingDirectory=unit\n",
            "wd-url.build", "[Build]\nImageTag=localhost/b\nSetWorkingDirectory=https://example.com/ctx.tar\n",
            "relative-file.build", "[Build]\nImageTag=localhost/b\nFile=Containerfile\n",
            "no-tag.build", "[Build]\nFile=/srv/lab/Containerfile\n",
            "no-image.image", "[Image]\n",
            "kill-process.container", "[Container]\nImage=localhost/bb\n[Service]\nKillMode=process\n",
            "type-simple.container", "[Container]\nImage=localhost/bb\n[Service]\nType=simple\n",
            "type-oneshot.container", "[Container]\nImage=localhost/bb\n[Service]\nType=oneshot\n");

    @Test
    void validateAgreesWithTheBoxsGenerator(LabBox box) throws Exception {
        Map<String, String> units = new LinkedHashMap<>(COMBINATIONS);
        for (UnitType type : UnitType.values()) {
            // Base names and values carry the type: two units whose services share a name (web.container and
            // web.kube, or ServiceName=lab twice) would hide one another in the generator's output.
            String t = type.toString();
            units.put("minimal-" + t + type.extension(), "[" + type.section() + "]\n" + MINIMAL.get(type));
            for (KeyInfo key : QuadletKeys.get().keys(type).values()) {
                String body = MINIMAL.get(type).replaceAll("(?m)^" + key.name() + "=.*\n", "");
                String value = BY_KIND.get(key.kind().toString()).replace("lab", "lab-" + t);
                units.put("key-" + key.name().toLowerCase(Locale.ROOT) + "-" + t + type.extension(),
                        "[" + type.section() + "]\n" + body + key.name() + "=" + value + "\n");
            }
        }
        Path dir = box.homeOnHost().resolve(DIR);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> u : units.entrySet()) {
            Files.writeString(dir.resolve(u.getKey()), u.getValue());
        }

        String version = box.run("/usr/libexec/podman/quadlet", "-version").strip();
        LabBox.Result gen = box.exec("env", "QUADLET_UNIT_DIRS=/home/" + DIR, "/usr/libexec/podman/quadlet", "-user", "-dryrun");
        Map<String, String> refused = new LinkedHashMap<>();
        Matcher m = CONVERTING.matcher(gen.err());
        while (m.find()) {
            refused.put(m.group(1), m.group(2).strip());
        }
        List<String> converted = new ArrayList<>();
        Matcher s = SOURCE.matcher(gen.out());
        while (s.find()) {
            converted.add(s.group(1));
        }
        assertTrue(converted.size() > units.size() / 2, "the generator converted most units: " + gen);

        ValidationTarget target = new ValidationTarget(PodmanVersion.parse("podman", version), units.keySet());
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> u : units.entrySet()) {
            String file = u.getKey();
            List<String> errors = QuadletValidator.validate(UnitFile.parse(u.getValue()), UnitType.ofFileName(file), file, target)
                    .stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).toList();
            boolean generatorTakes = converted.contains(file) && !refused.containsKey(file);
            if (generatorTakes != errors.isEmpty()) {
                disagreements.add(file + ": generator " + (generatorTakes ? "converts it" : "refuses it: "
                        + refused.getOrDefault(file, "(no output)")) + "; quadlet.validate " + (errors.isEmpty()
                        ? "finds no error" : "says " + errors) + "\n" + u.getValue().strip().replace("\n", " | "));
            }
        }
        if (!disagreements.isEmpty()) {
            // Everything both sides saw, for a look at the disagreements.
            Path evidence = Path.of("target", DIR).toAbsolutePath();
            Files.createDirectories(evidence.resolve("units"));
            for (Map.Entry<String, String> u : units.entrySet()) {
                Files.writeString(evidence.resolve("units").resolve(u.getKey()), u.getValue());
            }
            Files.writeString(evidence.resolve("generator.out"), gen.out());
            Files.writeString(evidence.resolve("generator.err"), gen.err());
        }
        assertEquals("", String.join("\n", disagreements), "quadlet.validate and Podman " + version
                + "'s generator disagree on " + disagreements.size() + " of " + units.size() + " units (units and "
                + "generator output in target/" + DIR + ")");
    }

    private static Map<String, String> cases(String... nameAndText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            m.put(nameAndText[i], nameAndText[i + 1]);
        }
        return m;
    }
}
