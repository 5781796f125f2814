package dev.bosun.stdlib.quadlet.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.stdlib.quadlet.QuadletCorpus;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bosun's generator against Podman's own binary of the same release on every corpus unit: each manifest case
 * staged as the harness stages it (and the corpus files that belong to no case, alone), both generators run in
 * generator mode on the same directory, and every service both write compared: the same files and links, the
 * same text apart from the {@code Exec*=} lines, and the same podman command lines with options compared
 * regardless of order (Podman's order comes from Go map iteration and changes from run to run).
 */
class ReferenceCrossCheckTest {
    @TempDir
    Path tmp;

    @Test
    void agreesWithPodman58() throws IOException {
        crossCheck(ReferenceGenerator.of("sid"));
    }

    @Test
    void agreesWithPodman54() throws IOException {
        crossCheck(ReferenceGenerator.of("trixie"));
    }

    /**
     * The acceptance example: {@code QUADLET_UNIT_DIRS=x bosun quadlet generate -dryrun} on a container, a network
     * and a volume prints the services Podman 5.8's generator prints, up to option order.
     */
    @Test
    void dryRunPrintsWhatPodman58Prints() throws IOException {
        ReferenceGenerator podman = ReferenceGenerator.of("sid");
        Path dir = Files.createDirectories(tmp.resolve("units"));
        Files.writeString(dir.resolve("web.container"), "[Unit]\nDescription=web\n[Container]\nImage=docker.io/library/nginx:1.27\n"
                + "Network=web.network\nVolume=data.volume:/usr/share/nginx/html:ro\nPublishPort=8080:80\nEnvironment=TZ=UTC A=1\n"
                + "Label=app=web\nAddCapability=NET_ADMIN\nHealthCmd=/bin/true\n[Install]\nWantedBy=default.target\n");
        Files.writeString(dir.resolve("web.network"), "[Network]\nSubnet=10.89.0.0/24\nGateway=10.89.0.1\nLabel=app=web\n");
        Files.writeString(dir.resolve("data.volume"), "[Volume]\nLabel=app=web\nUser=1000\n");
        for (boolean user : new boolean[] {false, true}) {
            String ours = new dev.bosun.stdlib.quadlet.generate.GeneratorInvocation(user, true, List.of(),
                    Map.of("QUADLET_UNIT_DIRS", dir.toString(), "PODMAN", CorpusHarness.PODMAN), 0, podman.version(), "bosun")
                    .run(new dev.bosun.stdlib.quadlet.generate.LocalSourceFiles(), p -> true).stdout();
            String theirs = podman.dryRun(dir, user);
            List<String> a = List.of(ours.split("(?m)^(?=---)"));
            List<String> b = List.of(theirs.split("(?m)^(?=---)"));
            assertTrue(a.size() == 3 && b.size() == 3, ours + "\n---- Podman:\n" + theirs);
            for (int i = 0; i < 3; i++) {
                String why = a.get(i).equals(b.get(i)) ? null : compare(a.get(i), b.get(i));
                assertTrue(why == null, why);
            }
        }
    }

    /** A case: the file under test and what is staged with it. */
    private record Case(String file, List<String> dependencies) {
    }

    private List<Case> cases() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(QuadletCorpus.manifest().toFile());
        List<Case> out = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (JsonNode c : manifest) {
            List<String> deps = new ArrayList<>();
            c.get("dependencies").forEach(d -> deps.add(d.asText()));
            out.add(new Case(c.get("file").asText(), deps));
            covered.add(c.get("file").asText());
        }
        try (Stream<Path> s = Files.list(QuadletCorpus.dir())) {
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("NOTICE") && !covered.contains(n)).sorted()
                    .forEach(n -> out.add(new Case(n, List.of())));
        }
        return out;
    }

    private void crossCheck(ReferenceGenerator reference) throws IOException {
        CorpusHarness.Generator bosun = CorpusHarness.bosun(reference.version());
        CorpusHarness harness = new CorpusHarness(QuadletCorpus.dir(), bosun);
        List<String> differences = new ArrayList<>();
        int runs = 0;
        int bothAccept = 0;
        int services = 0;
        int identical = 0;
        int crashes = 0;
        int n = 0;
        for (boolean user : new boolean[] {false, true}) {
            for (Case c : cases()) {
                Path subtest = tmp.resolve(reference.suite()).resolve("podman-e2e-x").resolve("subtest-" + n++);
                Path unitDir = harness.stage(c.file(), c.dependencies(), subtest);
                Path ours = subtest.resolve("bosun");
                Path theirs = subtest.resolve("podman");
                Files.createDirectories(ours);
                Files.createDirectories(theirs);
                CorpusHarness.Run a = bosun.run(unitDir, ours, user);
                CorpusHarness.Run b = reference.run(unitDir, theirs, user);
                runs++;
                String where = c.file() + (user ? " (-user)" : "");
                if (b.exitStatus() > 1 || b.stderr().contains("panic:")) {
                    // Podman's generator crashed: Bosun must refuse the unit and say that this Podman would crash.
                    crashes++;
                    if (a.exitStatus() != 1 || !a.stderr().contains("generator crashes")) {
                        differences.add(where + ": Podman " + reference.version() + " crashes (exit " + b.exitStatus()
                                + "), Bosun does not say so: " + a.stderr().strip());
                    }
                    continue;
                }
                if (a.exitStatus() != b.exitStatus()) {
                    differences.add(where + ": exit " + a.exitStatus() + " vs Podman's " + b.exitStatus()
                            + "\n      bosun:  " + a.stderr().strip().replace("\n", "\n              ")
                            + "\n      podman: " + b.stderr().strip().replace("\n", "\n              "));
                }
                if (a.exitStatus() == 0 && b.exitStatus() == 0) {
                    bothAccept++;
                }
                Map<String, String> mine = outputs(ours);
                Map<String, String> podman = outputs(theirs);
                if (!mine.keySet().equals(podman.keySet())) {
                    differences.add(where + ": files " + mine.keySet() + " vs Podman's " + podman.keySet());
                }
                for (String f : mine.keySet()) {
                    if (!podman.containsKey(f) || f.contains("/")) {
                        continue;
                    }
                    services++;
                    String x = mine.get(f);
                    String y = podman.get(f);
                    if (x.equals(y)) {
                        identical++;
                        continue;
                    }
                    String why = compare(x, y);
                    if (why != null) {
                        differences.add(where + ": " + f + ": " + why);
                    }
                }
            }
        }
        System.out.println("cross-check with Podman " + reference.version() + " (" + reference.binary() + "): " + runs
                + " runs, " + bothAccept + " accepted by both, " + services + " services compared, " + identical
                + " byte-identical, " + (services - identical) + " equal up to option order, " + crashes
                + " runs where Podman's generator crashes; " + differences.size() + " differences");
        assertTrue(differences.isEmpty(), differences.size() + " differences with Podman " + reference.version() + ":\n"
                + String.join("\n", differences));
    }

    /** The service files (header comment dropped) and links ({@code -> target}) of an output directory. */
    private static Map<String, String> outputs(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> !p.equals(dir)).toList()) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    String text = Files.readString(p);
                    out.put(rel, text.replaceFirst("^# Automatically generated by [^\n]*\n# \n", ""));
                }
            }
        }
        return out;
    }

    /** Null when the two services agree up to the order of podman options; else what differs. */
    static String compare(String ours, String podman) {
        List<String> a = ours.lines().toList();
        List<String> b = podman.lines().toList();
        if (a.size() != b.size()) {
            return "different number of lines:\n" + ours + "\n---- Podman:\n" + podman;
        }
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x.equals(y)) {
                continue;
            }
            int ex = x.indexOf('=');
            int ey = y.indexOf('=');
            String key = ex < 0 ? "" : x.substring(0, ex);
            if (ex < 0 || ey < 0 || !key.equals(y.substring(0, ey)) || !key.startsWith("Exec")
                    || !sameUpToOptionOrder(x.substring(ex + 1), y.substring(ey + 1))) {
                return "line " + (i + 1) + ":\n      bosun:  " + x + "\n      podman: " + y;
            }
        }
        return null;
    }

    /**
     * The same command word, the same last word, and the same options in between (an option is a word starting
     * with {@code -} with the following word when that does not start with {@code -}), in any order.
     */
    static boolean sameUpToOptionOrder(String x, String y) {
        List<String> a;
        List<String> b;
        try {
            a = WordSplitter.ARGS.split(x);
            b = WordSplitter.ARGS.split(y);
        } catch (WordSplitter.SplitException e) {
            return false;
        }
        return a.size() == b.size() && a.getFirst().equals(b.getFirst()) && a.getLast().equals(b.getLast())
                && options(a).equals(options(b));
    }

    private static Map<String, Integer> options(List<String> argv) {
        Map<String, Integer> m = new HashMap<>();
        // The last word (image, name, path) is compared on its own: a flag before it takes no value from it.
        for (int i = 1; i < argv.size() - 1; i++) {
            String w = argv.get(i);
            if (w.startsWith("-") && i + 1 < argv.size() - 1 && !argv.get(i + 1).startsWith("-")) {
                w = w + " " + argv.get(++i);
            }
            m.merge(w, 1, Integer::sum);
        }
        return m;
    }
}
