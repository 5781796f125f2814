package dev.bosun.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Part 2: N Bosun processes at once on one root (bench/reliability/allocate.js: users.ensure, subids.allocate,
 * marks.allocate, loopback.allocate per user), next to a shadow-utils loop, for as long as they run (at most 200
 * users), of {@code useradd --prefix} (which takes sub-IDs itself) and
 * {@code usermod --prefix --add-subuids/--add-subgids}. Afterwards:
 * <ul>
 *   <li>duplicates: overlapping sub-ID ranges (any owners), a Bosun user with more than one range in a file,
 *       a uid, gid or name used twice in passwd/group, a mark, table, interface or loopback address handed
 *       out twice;</li>
 *   <li>lost allocations: something a process or the loop was told it got that is not in the final state
 *       (a lost update);</li>
 *   <li>failed concurrent calls: an operation or shadow-utils command that failed under contention;</li>
 *   <li>torn files and leftover temporaries as in the kill trials.</li>
 * </ul>
 * The loop's usermod ranges start at 2,000,000,000, above SUB_UID_MAX, so they can only meet Bosun's ranges
 * through a lost or torn write, never by both picking the same free range.
 */
final class ConcurrentAllocations {
    private static final long LOOP_BASE = 2_000_000_000L;
    private static final long RANGE = 65_536;
    private static final int LOOP_MAX = 200;

    private final Launcher bosun;
    private final Path template;
    private final Path work;
    private final Path script;
    private final Figures figures;
    private final PrintStream log;

    ConcurrentAllocations(Launcher bosun, Path template, Path work, Path script, Figures figures, PrintStream log) {
        this.bosun = bosun;
        this.template = template;
        this.work = work;
        this.script = script;
        this.figures = figures;
        this.log = log;
    }

    void run(int procs) throws IOException, InterruptedException {
        if (procs <= 0) {
            return;
        }
        // 256 mark slots in all; keep well inside, and enough users per process that they overlap in time.
        int perProcess = Math.max(2, Math.min(12, 200 / procs));
        Path root = ScratchRoot.copy(template, work.resolve("concurrent"));
        try {
            bosun.json(root, "loopback.configure({first: '127.0.1.0', last: '127.0.7.255'})");
            long t0 = System.nanoTime();
            List<Launcher.Run> runs = new ArrayList<>();
            for (int p = 0; p < procs; p++) {
                runs.add(bosun.start(List.of("--root", root.toString(), "run", script.toString(), "c" + p,
                        Integer.toString(perProcess))));
            }
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> loopUsers = new ConcurrentLinkedQueue<>();
            // The loop runs for as long as the processes do (at most LOOP_MAX users), so they overlap throughout.
            Thread loop = Thread.ofPlatform().name("shadow-utils loop").start(() -> shadowLoop(root, LOOP_MAX,
                    stop, loopUsers));
            List<JsonNode> reports = new ArrayList<>();
            for (int p = 0; p < procs; p++) {
                Launcher.Result r = runs.get(p).await(900);
                if (!r.ok()) {
                    figures.found(Figure.FAILED_CONCURRENT_CALLS, "process c" + p + " exited " + r.status() + ": "
                            + r.lastErrorLine());
                }
                for (String line : r.out().split("\n")) {
                    if (line.startsWith("{")) {
                        reports.add(Launcher.JSON.readTree(line));
                    }
                }
            }
            stop.set(true);
            loop.join(TimeUnit.MINUTES.toMillis(10));
            figures.add(Figure.CONCURRENT_PROCESSES, procs);
            log.printf("concurrency: %d processes x %d users and a useradd/usermod loop (%d users) in %.1f s%n",
                    procs, perProcess, loopUsers.size(), (System.nanoTime() - t0) / 1e9);
            if (reports.size() < procs * perProcess) {
                figures.found(Figure.FAILED_CONCURRENT_CALLS, (procs * perProcess - reports.size()) + " of "
                        + procs * perProcess + " users were never reported by their process");
            }
            check(root, reports, List.copyOf(loopUsers));
        } finally {
            ScratchRoot.delete(root);
        }
    }

    /** useradd (regular user: shadow-utils allocates its sub-IDs) then usermod adding a range above SUB_UID_MAX. */
    private void shadowLoop(Path root, int max, AtomicBoolean stop, ConcurrentLinkedQueue<String> made) {
        for (int i = 0; i < max && !stop.get(); i++) {
            String name = "bq" + i;
            String range = (LOOP_BASE + i * RANGE) + "-" + (LOOP_BASE + (i + 1) * RANGE - 1);
            if (tool(List.of("useradd", "--prefix", root.toString(), "-M", "-s", "/usr/sbin/nologin", name))
                    && tool(List.of("usermod", "--prefix", root.toString(), "--add-subuids", range, "--add-subgids",
                    range, name))) {
                made.add(name);
            }
        }
    }

    private boolean tool(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                figures.found(Figure.FAILED_CONCURRENT_CALLS, String.join(" ", argv) + ": did not finish in 300 s");
                return false;
            }
            if (p.exitValue() != 0) {
                figures.found(Figure.FAILED_CONCURRENT_CALLS, argv.get(0) + " " + argv.getLast() + " exited "
                        + p.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse(""));
                return false;
            }
            return true;
        } catch (IOException e) {
            figures.found(Figure.FAILED_CONCURRENT_CALLS, String.join(" ", argv) + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void check(Path root, List<JsonNode> reports, List<String> loopUsers) throws IOException, InterruptedException {
        for (String p : AccountFiles.problems(root)) {
            figures.found(Figure.TORN_FILES, "concurrency: " + p);
        }
        for (String p : StateDatabase.problems(root)) {
            figures.found(Figure.TORN_FILES, "concurrency: " + p);
        }
        for (String t : Temporaries.in(root)) {
            figures.found(Figure.LEFTOVER_TEMPORARIES, "concurrency: " + t + " left after all processes ended");
        }
        Map<String, List<IdLine>> subuid = IdLine.read(root.resolve("etc/subuid"));
        Map<String, List<IdLine>> subgid = IdLine.read(root.resolve("etc/subgid"));
        overlaps("etc/subuid", subuid);
        overlaps("etc/subgid", subgid);
        columnTwice(root.resolve("etc/passwd"), 0, "user name");
        columnTwice(root.resolve("etc/passwd"), 2, "uid");
        columnTwice(root.resolve("etc/group"), 0, "group name");
        columnTwice(root.resolve("etc/group"), 2, "gid");
        for (JsonNode f : bosun.json(root, "subids.check()")) {
            // The loop's own second range per user lies above SUB_UID_MAX by design; say only what else is found.
            if (f.path("explanation").asText().matches("(?s).*\"bq[0-9]+\".*")
                    && (f.path("problem").asText().equals("out-of-range") || f.path("problem").asText().equals("duplicate"))) {
                continue;
            }
            log.println("concurrency: subids.check: " + f.path("file").asText() + ":" + f.path("line").asText() + " "
                    + f.path("problem").asText() + ": " + f.path("explanation").asText());
        }

        JsonNode marks = bosun.json(root, "marks.list()");
        twice(marks, "mark", "mark");
        twice(marks, "table", "routing table");
        twice(marks, "iface", "interface");
        twice(marks, "name", "connection name");
        JsonNode addresses = bosun.json(root, "loopback.list()");
        twice(addresses, "address", "loopback address");
        twice(addresses, "slug", "loopback slug");

        for (JsonNode r : reports) {
            String name = r.path("name").asText();
            r.properties().forEach(e -> {
                if (e.getKey().endsWith("Error")) {
                    figures.found(Figure.FAILED_CONCURRENT_CALLS, name + ": " + e.getKey().replace("Error", "")
                            + " step failed: " + e.getValue().asText());
                }
            });
            if (subuid.getOrDefault(name, List.of()).size() > 1) {
                figures.found(Figure.DUPLICATES, "etc/subuid: " + name + " has " + subuid.get(name).size() + " ranges");
            }
            if (subgid.getOrDefault(name, List.of()).size() > 1) {
                figures.found(Figure.DUPLICATES, "etc/subgid: " + name + " has " + subgid.get(name).size() + " ranges");
            }
            kept(r, "uid", subuid, name, "etc/subuid");
            kept(r, "gid", subgid, name, "etc/subgid");
            if (r.has("mark") && !contains(marks, "name", name, "mark", r.path("mark").asText())) {
                figures.found(Figure.LOST_ALLOCATIONS, name + ": mark " + r.path("mark").asText() + " not in marks.list()");
            }
            if (r.has("address") && !contains(addresses, "slug", name, "address", r.path("address").asText())) {
                figures.found(Figure.LOST_ALLOCATIONS, name + ": address " + r.path("address").asText()
                        + " not in loopback.list()");
            }
        }
        String passwd = Files.readString(root.resolve("etc/passwd"), StandardCharsets.UTF_8);
        for (String u : loopUsers) {
            if (!passwd.contains("\n" + u + ":")) {
                figures.found(Figure.LOST_ALLOCATIONS, "useradd made " + u + " but it is not in etc/passwd");
            }
            for (Map.Entry<String, Map<String, List<IdLine>>> f : Map.of("etc/subuid", subuid, "etc/subgid", subgid)
                    .entrySet()) {
                boolean high = f.getValue().getOrDefault(u, List.of()).stream().anyMatch(l -> l.start >= LOOP_BASE);
                if (!high) {
                    figures.found(Figure.LOST_ALLOCATIONS, "usermod gave " + u + " a range from " + LOOP_BASE
                            + " but it is not in " + f.getKey());
                }
            }
        }
    }

    /** A range the process reported must be in the file, owned by the user. */
    private void kept(JsonNode r, String field, Map<String, List<IdLine>> file, String name, String fileName) {
        if (!r.has(field)) {
            return;
        }
        long start = r.path(field).path(0).asLong();
        long count = r.path(field).path(1).asLong();
        boolean there = file.getOrDefault(name, List.of()).stream().anyMatch(l -> l.start == start && l.count == count);
        if (!there) {
            figures.found(Figure.LOST_ALLOCATIONS, name + ": subids.allocate returned " + start + "+" + count
                    + " but " + fileName + " does not hold it");
        }
    }

    /** Pairs of ranges that share an ID, whoever owns them. */
    private void overlaps(String file, Map<String, List<IdLine>> byOwner) {
        List<IdLine> all = new ArrayList<>();
        byOwner.values().forEach(all::addAll);
        all.sort(Comparator.comparingLong(l -> l.start));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size() && all.get(j).start <= all.get(i).last(); j++) {
                figures.found(Figure.DUPLICATES, file + ": line " + all.get(i).line + " (" + all.get(i) + ") overlaps line "
                        + all.get(j).line + " (" + all.get(j) + ")");
            }
        }
    }

    private void columnTwice(Path file, int column, String what) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split(":", -1);
            if (f.length > column && seen.merge(f[column], 1, Integer::sum) == 2) {
                figures.found(Figure.DUPLICATES, root(file) + ": " + what + " " + f[column] + " is used twice");
            }
        }
    }

    private static String root(Path file) {
        return "etc/" + file.getFileName();
    }

    private void twice(JsonNode list, String field, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode n : list) {
            JsonNode v = n.path(field);
            if (!v.isMissingNode() && !v.isNull() && seen.merge(v.asText(), 1, Integer::sum) == 2) {
                figures.found(Figure.DUPLICATES, what + " " + v.asText() + " is handed out twice");
            }
        }
    }

    private static boolean contains(JsonNode list, String keyField, String key, String field, String value) {
        for (JsonNode n : list) {
            if (n.path(keyField).asText().equals(key) && n.path(field).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** One line of etc/subuid or etc/subgid. */
    private record IdLine(String owner, long start, long count, int line) {
        long last() {
            return start + Math.max(count, 1) - 1;
        }

        @Override
        public String toString() {
            return owner + ":" + start + ":" + count;
        }

        /** The well-formed lines by owner; malformed ones are the torn-file check's business. */
        static Map<String, List<IdLine>> read(Path file) throws IOException {
            Map<String, List<IdLine>> out = new HashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(":", -1);
                if (f.length == 3 && f[1].matches("[0-9]{1,19}") && f[2].matches("[0-9]{1,19}")) {
                    out.computeIfAbsent(f[0], k -> new ArrayList<>())
                            .add(new IdLine(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), i + 1));
                }
            }
            return out;
        }
    }
}
