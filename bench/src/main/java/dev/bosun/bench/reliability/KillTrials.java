package dev.bosun.bench.reliability;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Part 1: kill -9 trials of the provisioning script (bench/reliability/provision.js) under {@code --root}.
 * Uninterrupted runs on fresh roots give the expected tree and the duration D of its work (the longest of three,
 * from the line the script prints first, after JVM start-up, to its end); each trial starts the script on a
 * fresh root, waits for that line and kills it after a delay drawn uniformly from [0, D) (odd trials kill the
 * whole process group, so useradd/usermod die mid-write too; even trials kill the JVM alone and let its tools
 * finish), and then checks:
 * <ul>
 *   <li>torn files: every account file parses, every installed unit is complete, the database passes
 *       {@code PRAGMA integrity_check} (after the kill and after the rerun);</li>
 *   <li>non-converging reruns: one rerun of the same script exits 0 within the time-out (so no lock blocks
 *       it) and leaves the normalised tree of the uninterrupted run;</li>
 *   <li>leftover temporaries: after the rerun no {@code *+}, {@code *.<pid>}, {@code *.lock} or
 *       {@code .*.bosun-*} file is left, and no lock is held by a live process after the kill;</li>
 *   <li>unaudited changes: every user, home, sub-ID line and unit on disk after the rerun has an audit row
 *       that records its change (changed, or a write-ahead row a kill interrupted).</li>
 * </ul>
 */
final class KillTrials {
    private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("rel[0-9]+");
    private static final String UNIT_DIR = ".config/containers/systemd";
    /** The first line provision.js prints, once the JVM and the JS engine are up: the kill clock starts there. */
    private static final String START = "provisioning ";
    private static final int BASELINE_RUNS = 3;

    private final Launcher bosun;
    private final Path template;
    private final Path work;
    private final Path script;
    private final int users;
    private final Random random;
    private final Figures figures;
    private final PrintStream log;
    /** The account files of the uninterrupted run, line by line, to say which lines a rerun left different. */
    private Map<String, List<String>> expectedAccounts = Map.of();

    KillTrials(Launcher bosun, Path template, Path work, Path script, int users, Random random, Figures figures,
               PrintStream log) {
        this.bosun = bosun;
        this.template = template;
        this.work = work;
        this.script = script;
        this.users = users;
        this.random = random;
        this.figures = figures;
        this.log = log;
    }

    void run(int trials) throws IOException, InterruptedException {
        if (trials <= 0) {
            return;
        }
        Path base = ScratchRoot.copy(template, work.resolve("baseline"));
        TreeListing expected = null;
        long duration = 0;
        try {
            // The longest of three runs: on a busy machine a trial runs slower than one lucky measurement, and
            // kills drawn from too short a window would never reach the script's last users.
            for (int run = 0; run < BASELINE_RUNS; run++) {
                ScratchRoot.delete(base);
                ScratchRoot.copy(template, base);
                duration = Math.max(duration, uninterrupted(base));
                TreeListing tree = TreeListing.of(base);
                List<String> drift = expected == null ? List.of() : tree.differencesFrom(expected, 3);
                if (!drift.isEmpty()) {
                    log.println("kill trials: warning: uninterrupted runs leave different trees, so every trial "
                            + "will look non-converging: " + drift);
                }
                expected = tree;
            }
            expectedAccounts = accountLines(base);
            Launcher.Result again = bosun.run(600, args(base));
            List<String> drift = TreeListing.of(base).differencesFrom(expected, 3);
            if (!again.ok() || !drift.isEmpty()) {
                log.println("kill trials: warning: a second uninterrupted run is not a no-op: "
                        + (again.ok() ? drift : again.lastErrorLine()));
            }
        } finally {
            ScratchRoot.delete(base);
        }
        log.printf("kill trials: the uninterrupted run's work (from its first line to its end) takes up to %d ms for %d users; "
                        + "%d trials, kill delay after the first line uniform in [0, %d) ms%n",
                duration, users, trials, duration);
        for (int i = 1; i <= trials; i++) {
            boolean group = i % 2 == 1;
            long delay = (long) (random.nextDouble() * duration);
            trial(i, group, delay, expected);
            figures.add(Figure.TRIALS, 1);
            if (i % 25 == 0 || i == trials) {
                log.printf("kill trials: %d/%d done%n", i, trials);
            }
        }
    }

    /** Runs the script to its end on a fresh root and returns how long its work took, in milliseconds. */
    private long uninterrupted(Path root) throws IOException, InterruptedException {
        Launcher.Run run = bosun.start(args(root));
        if (!run.awaitOutput(START, 600)) {
            throw new IllegalStateException("the provisioning script never printed \"" + START + "\"");
        }
        long t0 = System.nanoTime();
        Launcher.Result r = run.await(600);
        if (!r.ok()) {
            throw new IllegalStateException("the uninterrupted provisioning run failed: " + r.lastErrorLine());
        }
        return Math.max(1, (System.nanoTime() - t0) / 1_000_000);
    }

    private List<String> args(Path root) {
        return List.of("--root", root.toString(), "run", script.toString(), Integer.toString(users));
    }

    private void trial(int i, boolean group, long delayMs, TreeListing expected) throws IOException, InterruptedException {
        String name = "trial " + i + " (" + (group ? "group" : "JVM") + " killed " + delayMs + " ms into the work)";
        Path root = ScratchRoot.copy(template, work.resolve("trial-" + i));
        try {
            Launcher.Run run = bosun.start(args(root));
            run.awaitOutput(START, 300);
            Thread.sleep(delayMs);
            if (run.alive()) {
                if (group) {
                    run.killGroup();
                } else {
                    run.killJvm();
                }
            }
            run.await(300);

            for (String p : tornFiles(root, expected)) {
                figures.found(Figure.TORN_FILES, name + " after the kill: " + p);
            }
            for (String p : halfWrittenPairs(root)) {
                figures.found(Figure.HALF_WRITTEN_PAIRS, name + " after the kill: " + p);
            }
            // A temporary counts once per trial: seen as a live-looking lock after the kill, or left after the rerun.
            Map<String, String> leftovers = new LinkedHashMap<>();
            for (String l : Temporaries.liveLocks(root)) {
                leftovers.put(l, l + " left by the killed run names a live PID (reused by another process or "
                        + "thread), so writers take the lock as held");
            }

            Launcher.Result rerun = bosun.run(300, args(root));
            if (rerun.status() == -1) {
                figures.found(Figure.NON_CONVERGING, name + ": the rerun did not finish in 300 s");
            } else if (!rerun.ok()) {
                figures.found(Figure.NON_CONVERGING, name + ": the rerun failed: " + rerun.lastErrorLine());
            } else {
                List<String> diff = TreeListing.of(root).differencesFrom(expected, 4);
                if (!diff.isEmpty()) {
                    figures.found(Figure.NON_CONVERGING, name + ": the rerun left a different tree: "
                            + String.join("; ", diff) + lineDifferences(root));
                }
            }
            for (String p : StateDatabase.problems(root)) {
                figures.found(Figure.TORN_FILES, name + " after the rerun: " + p);
            }
            for (String t : Temporaries.in(root)) {
                leftovers.putIfAbsent(t, t + " left after the rerun");
            }
            for (String l : leftovers.values()) {
                figures.found(Figure.LEFTOVER_TEMPORARIES, name + ": " + l);
            }
            try {
                for (String u : unaudited(root, AuditTrail.read(bosun, root))) {
                    figures.found(Figure.UNAUDITED_CHANGES, name + ": " + u);
                }
            } catch (IOException e) {
                figures.found(Figure.UNAUDITED_CHANGES, name + ": the audit trail cannot be read: " + e.getMessage());
            }
        } finally {
            ScratchRoot.delete(root);
        }
    }

    private static final List<String> ACCOUNT_FILES = List.of("etc/passwd", "etc/group", "etc/shadow", "etc/gshadow",
            "etc/subuid", "etc/subgid");

    /** The account files' lines (shadow without its last-change day, as the listing compares it). */
    private static Map<String, List<String>> accountLines(Path root) throws IOException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String f : ACCOUNT_FILES) {
            Path p = root.resolve(f);
            String text = Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
            m.put(f, List.of((f.equals("etc/shadow") ? TreeListing.withoutLastChange(text) : text).split("\n")));
        }
        return m;
    }

    /** For each account file the rerun left different: the first line missing and the first line extra. */
    private String lineDifferences(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : accountLines(root).entrySet()) {
            List<String> want = expectedAccounts.getOrDefault(e.getKey(), List.of());
            String missing = want.stream().filter(l -> !e.getValue().contains(l)).findFirst().orElse(null);
            String extra = e.getValue().stream().filter(l -> !want.contains(l)).findFirst().orElse(null);
            if (missing != null || extra != null) {
                sb.append("; ").append(e.getKey()).append(missing == null ? "" : " lacks \"" + missing + "\"")
                        .append(extra == null ? "" : " has \"" + extra + "\"");
            }
        }
        return sb.toString();
    }

    /** Account files that do not parse, unit files that differ from the complete ones, a failing database. */
    private static List<String> tornFiles(Path root, TreeListing expected) throws IOException {
        List<String> out = new ArrayList<>(AccountFiles.problems(root));
        for (Map.Entry<String, String> e : TreeListing.of(root).entries().entrySet()) {
            if (e.getKey().contains("/" + UNIT_DIR + "/") && e.getKey().endsWith(".container")
                    && !e.getValue().equals(expected.entries().get(e.getKey()))) {
                out.add(e.getKey() + ": not the complete unit");
            }
        }
        out.addAll(StateDatabase.problems(root));
        return out;
    }

    /**
     * Users with a sub-UID range but no sub-GID range or the other way round: a write of both files cut between
     * them. Informational (the rerun must repair it, which the convergence check sees): in this script useradd
     * writes the pair itself, so a kill of the group inside useradd leaves it too.
     */
    private static List<String> halfWrittenPairs(Path root) throws IOException {
        List<String> uids = owners(root.resolve("etc/subuid"));
        List<String> gids = owners(root.resolve("etc/subgid"));
        List<String> out = new ArrayList<>();
        for (String u : uids) {
            if (!gids.contains(u)) {
                out.add(u + " has a range in etc/subuid but none in etc/subgid");
            }
        }
        for (String u : gids) {
            if (!uids.contains(u)) {
                out.add(u + " has a range in etc/subgid but none in etc/subuid");
            }
        }
        return out;
    }

    /** What the provisioning made on disk without an audit row that records making it. */
    private List<String> unaudited(Path root, AuditTrail audit) throws IOException {
        List<String> out = new ArrayList<>();
        for (String u : owners(root.resolve("etc/passwd"))) {
            if (!audit.recordsChange(u, "users.ensure")) {
                out.add("user " + u + " has no audit row of users.ensure recording its creation");
            }
            if (Files.isDirectory(root.resolve("home").resolve(u), LinkOption.NOFOLLOW_LINKS)
                    && !audit.recordsChange(u, "users.ensure")) {
                out.add("home of " + u + " has no audit row of users.ensure recording it");
            }
            Path units = root.resolve("home").resolve(u).resolve(UNIT_DIR);
            if (Files.isDirectory(units, LinkOption.NOFOLLOW_LINKS) && !audit.recordsChange(u, "quadlet.install")) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(units, "*.container")) {
                    for (Path unit : ds) {
                        out.add("unit " + root.relativize(unit) + " has no audit row of quadlet.install recording it");
                    }
                }
            }
        }
        for (String file : List.of("etc/subuid", "etc/subgid")) {
            for (String u : owners(root.resolve(file))) {
                if (!audit.recordsChange(u, "users.ensure", "subids.allocate")) {
                    out.add(file + " range of " + u + " has no audit row of users.ensure or subids.allocate recording it");
                }
            }
        }
        return out;
    }

    /** The provisioning's users named in the first field of a colon-separated file, in file order. */
    private static List<String> owners(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String owner = line.split(":", -1)[0];
            if (USER.matcher(owner).matches()) {
                out.add(owner);
            }
        }
        return out;
    }
}
