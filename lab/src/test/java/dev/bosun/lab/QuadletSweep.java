package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units on which quadlet.validate must agree with a real Podman generator, and the comparison of the two
 * verdicts: every key of Bosun's key table (the repository's quadlet-keys.json), of every unit type, on a minimal
 * valid unit (keys newer than the target release must be refused by both), plus combinations the generator checks.
 * A unit is accepted when the generator converts it (its -dryrun output carries the unit's SourcePath and stderr
 * has no "converting" error for it) and when quadlet.validate finds no error; when both refuse it, quadlet.validate's
 * first error must be the generator's message ({@link #sameMessage}). Shared by the box's generator (5.4.2) and the
 * host's 5.8.x binary.
 */
final class QuadletSweep {
    /** Where the evidence of a disagreement goes, under the module's target directory. */
    static final String DIR = "quadlet-diff";
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

    /**
     * quadlet.validate over every unit of the directory (args[0]) for a Podman release (args[1]), as bosun runs
     * it; prints {file: [errors]}.
     */
    static final String VALIDATE = """
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

    private QuadletSweep() {
    }

    /** Every unit of the sweep, by file name: the combinations, then a minimal unit and one per key of each type. */
    static Map<String, String> units() throws IOException {
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
        return units;
    }

    /** Writes the units into {@code dir}, one file each. */
    static void write(Map<String, String> units, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> u : units.entrySet()) {
            Files.writeString(dir.resolve(u.getKey()), u.getValue());
        }
    }

    /** What the two sides made of the sweep, and where they disagree. */
    record Outcome(int compared, List<String> disagreements) {
        int agreements() {
            return compared - disagreements.size();
        }
    }

    /**
     * Compares the generator's -dryrun output ({@code out}, {@code err}) with quadlet.validate's {file: [errors]}
     * for every unit. On a disagreement, the units and the generator's output are left in target/quadlet-diff/
     * {@code label} for a look.
     */
    static Outcome compare(Map<String, String> units, String out, String err, JsonNode validated, String label)
            throws IOException {
        Map<String, String> refused = new LinkedHashMap<>();
        Matcher m = CONVERTING.matcher(err);
        while (m.find()) {
            refused.put(m.group(1), m.group(2));
        }
        List<String> converted = new ArrayList<>();
        Matcher s = SOURCE.matcher(out);
        while (s.find()) {
            converted.add(s.group(1));
        }
        if (converted.size() <= units.size() / 2) {
            throw new AssertionError("the generator converted only " + converted.size() + " of " + units.size()
                    + " units:\n--- stdout\n" + out + "--- stderr\n" + err);
        }
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> u : units.entrySet()) {
            String file = u.getKey();
            List<String> errors = new ArrayList<>();
            validated.get(file).forEach(e -> errors.add(e.asText()));
            boolean generatorTakes = converted.contains(file) && !refused.containsKey(file);
            String why = refused.get(file);
            // A generator that does not read a unit type passes over its files in silence: no wording to compare.
            if (generatorTakes != errors.isEmpty() || why != null && !sameMessage(errors.getFirst(), why, file)) {
                why = why == null ? "(says nothing of it)" : why;
                disagreements.add(file + ": generator " + (generatorTakes ? "converts it" : "refuses it: " + why)
                        + "; quadlet.validate " + (errors.isEmpty() ? "finds no error" : "says " + errors) + "\n"
                        + u.getValue().strip().replace("\n", " | "));
            }
        }
        if (!disagreements.isEmpty()) {
            Path evidence = Path.of("target", DIR, label).toAbsolutePath();
            write(units, evidence.resolve("units"));
            Files.writeString(evidence.resolve("generator.out"), out);
            Files.writeString(evidence.resolve("generator.err"), err);
        }
        return new Outcome(units.size(), disagreements);
    }

    /**
     * Whether quadlet.validate's first error says what the generator said. Podman names the unit's path after an
     * unknown key ("... in group 'Volume' in /dir/x.volume"), which quadlet.validate of a parsed unit cannot know,
     * and quadlet.validate may add a hint in parentheses (which release knows the key); trailing blanks (Podman
     * leaves one after some messages) do not count.
     */
    static boolean sameMessage(String bosun, String podman, String file) {
        String theirs = podman.replaceFirst(" in /\\S*/" + Pattern.quote(file) + "$", "").strip();
        String ours = bosun.strip();
        return ours.equals(theirs) || ours.startsWith(theirs + " (") && ours.endsWith(")");
    }

    private static Map<String, String> cases(String... nameAndText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            m.put(nameAndText[i], nameAndText[i + 1]);
        }
        return m;
    }
}
