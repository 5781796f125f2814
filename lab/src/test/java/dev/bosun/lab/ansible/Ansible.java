package dev.bosun.lab.ansible;

import org.opentest4j.TestAbortedException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's ansible-core on this machine, set up the way docs/ansible.md tells a user: the bosun.host collection
 * installed from the repository path with ansible-galaxy into a scratch collections directory, community.docker
 * and ansible.posix from {@code ansible/tests/setup-collections}' directory (or Debian's ansible package).
 * Every command runs with a scratch home, Ansible home and remote temp, so nothing lands in root's ~/.ansible.
 */
final class Ansible {
    /** The repository: the lab module's base directory (the tests' working directory) is REPO/lab. */
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path COLLECTION = REPO.resolve("ansible/ansible_collections/bosun/host");
    static final Path EXAMPLES = REPO.resolve("ansible/examples");
    static final Path TESTS = REPO.resolve("ansible/tests");
    /** Where ansible/tests/setup-collections puts community.docker and ansible.posix (.ci/run runs it). */
    static final Path OTHER_COLLECTIONS = Path.of(System.getenv().getOrDefault("BOSUN_ANSIBLE_COLLECTIONS", "/var/cache/bosun-ansible"));
    /** Debian's ansible package puts its collections here. */
    private static final Path DEBIAN_COLLECTIONS = Path.of("/usr/lib/python3/dist-packages");
    /** A guard against a hung command, not a measurement. */
    private static final long GUARD_MINUTES = 15;

    private final Path home;

    /** What a command did. */
    record Result(List<String> command, int status, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            String o = out.length() > 20_000 ? out.substring(0, 20_000) + "\n...(cut)" : out;
            return String.join(" ", command) + " -> exit " + status + "\n--- stdout\n" + o + "--- stderr\n" + err;
        }
    }

    private Ansible(Path home) {
        this.home = home;
    }

    /**
     * Ansible with bosun.host installed from the repository into {@code scratch}. Skips the caller's tests where
     * this machine has no Ansible, and fails them instead under CI (.ci/run installs it: a skip there would hide
     * that nothing was tested).
     */
    static Ansible install(Path scratch) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("ansible-playbook", "ansible-galaxy", "ansible-doc", "ansible-test")) {
            if (onPath(tool) == null) {
                missing.add(tool + " (apt-get install ansible-core)");
            }
        }
        for (String c : List.of("community/docker", "ansible/posix")) {
            if (!Files.exists(OTHER_COLLECTIONS.resolve("ansible_collections").resolve(c).resolve("MANIFEST.json"))
                    && !Files.exists(DEBIAN_COLLECTIONS.resolve("ansible_collections").resolve(c).resolve("MANIFEST.json"))) {
                missing.add(c.replace('/', '.') + " (bash ansible/tests/setup-collections)");
            }
        }
        if (!missing.isEmpty()) {
            String why = "no Ansible to test the bosun.host collection with: missing " + String.join(", ", missing);
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + "; .ci/run installs them");
            }
            throw new TestAbortedException(why);
        }
        Ansible a = new Ansible(Files.createDirectories(scratch.resolve("ansible-home")));
        // The documented install command, from the repository path.
        Result r = a.run(List.of("ansible-galaxy", "collection", "install", "--force", "-p",
                a.collections().toString(), COLLECTION.toString()), scratch);
        if (r.status() != 0 || !Files.isRegularFile(a.collections().resolve("ansible_collections/bosun/host/MANIFEST.json"))) {
            throw new AssertionError("ansible-galaxy did not install bosun.host from the repository path: " + r);
        }
        return a;
    }

    /** The collections directory bosun.host is installed into. */
    Path collections() {
        return home.resolve("collections");
    }

    /** ansible-playbook with the json callback of ansible.posix: its one JSON document is the result. */
    PlaybookRun playbook(Path playbook, List<Path> inventories, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook"));
        for (Path i : inventories) {
            cmd.add("-i");
            cmd.add(i.toString());
        }
        cmd.addAll(List.of(options));
        cmd.add(playbook.toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ANSIBLE_STDOUT_CALLBACK", "ansible.posix.json");
        return PlaybookRun.parse(run(cmd, playbook.getParent(), env));
    }

    /** Runs an Ansible command (ansible-doc, ansible-test, ...) in {@code dir}. */
    Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        return run(command, dir, Map.of());
    }

    private Result run(List<String> command, Path dir, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out-", ".txt");
        Path err = Files.createTempFile(home, "err-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("ANSIBLE_HOME", home.toString());
            // ansible-test keeps its virtual environments and caches in ~/.ansible/test: the scratch home too.
            env.put("HOME", home.toString());
            env.put("ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString());
            // For connection local this machine's, in a box the same path inside the box (thrown away with it).
            env.put("ANSIBLE_REMOTE_TMP", home.resolve("remote").toString());
            env.put("ANSIBLE_COLLECTIONS_PATH", collections() + ":" + OTHER_COLLECTIONS);
            env.put("ANSIBLE_NOCOLOR", "1");
            env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
            env.put("ANSIBLE_FORKS", "10");
            // The repository's launcher runs the distribution this build made; it never starts a build of its own.
            env.put("BOSUN_NO_BUILD", "1");
            env.putAll(extraEnv);
            Process p = pb.start();
            if (!p.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(command, p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command of the repository (./bosun, ansible/examples/lab-inventory) that must succeed. */
    static String repoCommand(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("BOSUN_NO_BUILD", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(GUARD_MINUTES, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** A scratch root made as docs/ansible.md says: bosun scratch-root DIR. */
    static Path scratchRoot(Path dir) throws IOException, InterruptedException {
        repoCommand(REPO.resolve("bosun").toString(), "scratch-root", dir.toString());
        return dir;
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
