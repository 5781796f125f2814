package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * quadlet.validate against the real generator of the box's Podman (5.4.2): every key of Bosun's key table
 * (the repository's quadlet-keys.json), of every unit type, on a minimal valid unit (keys newer than 5.4 must
 * be refused by both), plus combinations the generator checks. Both see the same directory of units in the
 * box: the generator with -dryrun, quadlet.validate through the box's bosun (the distribution this build made).
 * A unit is accepted when the generator converts it (its output carries the unit's SourcePath) and when
 * quadlet.validate finds no error. Every disagreement is a failure.
 */
@Lab
class QuadletGeneratorLabTest {
    private static final String DIR = "quadlet-diff";
    private static final Pattern CONVERTING = Pattern.compile("converting \"([^\"]+)\": (.*)");
    private static final Pattern SOURCE = Pattern.compile("(?m)^SourcePath=.*/([^/\\n]+)$");

    /** The key table Bosun validates with, as the repository has it. */
    private static final Path KEY_TABLE = LabBox.LAB.resolveSibling("stdlib")
            .resolve("src/main/resources/dev/bosun/stdlib/quadlet/quadlet-keys.json");

    /** Each unit type: its section and a valid unit with nothing optional (5.4 has no .artifact: refused by both). */
    private record Type(String name, String section, String minimal) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("container", "Container", "Image=localhost/bb\n"),
            new Type("volume", "Volume", ""),
            new Type("network", "Network", ""),
            new Type("kube", "Kube", "Yaml=/srv/lab/kube.yml\n"),
            new Type("pod", "Pod", ""),
            new Type("image", "Image", "Image=localhost/bb\n"),
            new Type("build", "Build", "ImageTag=localhost/built\nFile=/srv/lab/Containerfile\n"),
            new Type("artifact", "Artifact", "Artifact=localhost/artifact:1\n"));

    /** quadlet.validate over every unit of the directory, as the box's bosun runs it; prints {file: [errors]}. */
    private static final String VALIDATE = """
            const dir = args[0], podman = args[1];
            const names = files.list(dir).map((f) => f.path.substring(dir.length + 1));
            const out = {};
            for (const name of names) {
              const unit = quadlet.parse(files.read(dir + "/" + name), {name});
              out[name] = quadlet.validate(unit, {podman, units: names})
                .filter((f) => f.severity === "error").map((f) => f.message);
            }
            console.log(JSON.stringify(out));
            """;

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
        JsonNode table = new ObjectMapper().readTree(KEY_TABLE.toFile()).get("units");
        Map<String, String> units = new LinkedHashMap<>(COMBINATIONS);
        for (Type type : TYPES) {
            JsonNode details = table.get(type.name()).get("keyDetails");
            String ext = table.get(type.name()).get("extension").asText();
            // Base names and values carry the type: two units whose services share a name (web.container and
            // web.kube, or ServiceName=lab twice) would hide one another in the generator's output.
            units.put("minimal-" + type.name() + ext, "[" + type.section() + "]\n" + type.minimal());
            for (Iterator<String> keys = details.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                String body = type.minimal().replaceAll("(?m)^" + key + "=.*\n", "");
                String value = BY_KIND.get(details.get(key).get("kind").asText()).replace("lab", "lab-" + type.name());
                units.put("key-" + key.toLowerCase(Locale.ROOT) + "-" + type.name() + ext,
                        "[" + type.section() + "]\n" + body + key + "=" + value + "\n");
            }
        }
        Path dir = box.homeOnHost().resolve(DIR);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> u : units.entrySet()) {
            Files.writeString(dir.resolve(u.getKey()), u.getValue());
        }
        Files.writeString(box.homeOnHost().resolve("validate.js"), VALIDATE);

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

        JsonNode validated = new ObjectMapper().readTree(box.run("bosun", "run", "/home/validate.js", "/home/" + DIR, version));
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> u : units.entrySet()) {
            String file = u.getKey();
            List<String> errors = new ArrayList<>();
            validated.get(file).forEach(e -> errors.add(e.asText()));
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
