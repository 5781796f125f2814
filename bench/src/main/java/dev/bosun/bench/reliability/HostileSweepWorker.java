package dev.bosun.bench.reliability;

import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.plugins.PluginStatus;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.graalvm.polyglot.PolyglotException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Part 3, the process that makes the calls: every operation of the stdlib and of the plugins, with a hostile
 * value in each slot and valid samples elsewhere, in dry-run and then in apply mode, one fresh copy of the
 * fixture root and one JS session per operation and mode (so each call's effect on the root is seen exactly:
 * the root is fingerprinted after every call). {@link HostileSweep} starts it in a private mount and network
 * namespace with / read-only, so a call that escapes the root changes nothing real.
 *
 * <p>Output on stdout, one record per line: {@code COUNT FIGURE n}, {@code EXAMPLE FIGURE text} and
 * {@code NOTE text}; progress on stderr.
 */
public final class HostileSweepWorker {
    private static final long CALL_TIMEOUT_SECONDS = 60;
    /** Fully qualified Java names and exception class names: internals that must not reach a user. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.fasterxml|org\\.graalvm|org\\.sqlite|org\\.pf4j|dev\\.bosun)\\.[\\w$]+"
                    + "|\\b\\w+Exception\\b|\\tat ");
    private static final int BOUNDED_MESSAGE = 1000;

    private final ModuleRegistry registry;
    private final Path work;
    private final Figures figures;
    private final Map<Figure, Map<String, Integer>> byOp = new LinkedHashMap<>();
    private final Map<String, Integer> unclearReasons = new TreeMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hostile-call watchdog");
        t.setDaemon(true);
        return t;
    });

    private HostileSweepWorker(ModuleRegistry registry, Path work, Figures figures) {
        this.registry = registry;
        this.work = work;
        this.figures = figures;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i], argv[i + 1]);
        }
        Path template = Path.of(a.get("--template"));
        Path work = Path.of(a.get("--work"));
        int budget = Integer.parseInt(a.get("--budget"));
        long seed = Long.parseLong(a.get("--seed"));
        int examples = Integer.parseInt(a.getOrDefault("--examples", "10"));
        List<Path> pluginDirs = new ArrayList<>();
        for (String d : a.getOrDefault("--plugins", "").split(":")) {
            if (!d.isBlank()) {
                pluginDirs.add(Path.of(d));
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Figures figures = new Figures(examples);
        try (PluginSet plugins = PluginSet.loadFrom(pluginDirs, ModuleRegistry.withStdlib())) {
            for (PluginStatus s : plugins.statuses()) {
                out.println("NOTE plugin " + s.id() + ": " + s.state() + (s.reason() == null ? "" : " (" + s.reason() + ")"));
            }
            HostileSweepWorker w = new HostileSweepWorker(plugins.registry(), work, figures);
            w.run(template, budget, seed, out);
        }
        for (Figure f : Figure.values()) {
            if (figures.count(f) > 0) {
                out.println("COUNT " + f.name() + " " + figures.count(f));
                for (String e : figures.examples(f)) {
                    out.println("EXAMPLE " + f.name() + " " + e.replace('\n', ' '));
                }
            }
        }
        System.exit(0); // GraalJS and PF4J threads must not keep the worker alive
    }

    private void run(Path template, int budget, long seed, PrintStream out) throws IOException {
        Path fixtures = prepare(template, out);
        List<OpInfo> ops = new ArrayList<>();
        for (ModuleInfo m : registry.modules()) {
            ops.addAll(m.ops());
        }
        Map<OpInfo, List<HostileCall>> all = new LinkedHashMap<>();
        int total = 0;
        for (OpInfo op : ops) {
            all.put(op, HostileCall.of(op));
            total += all.get(op).size();
        }
        int dry = (budget + 1) / 2;
        out.println("NOTE " + ops.size() + " operations, " + total + " hostile calls per mode; budget " + dry
                + " dry-run + " + (budget - dry) + " apply");
        for (boolean dryRun : new boolean[] {true, false}) {
            Map<OpInfo, List<HostileCall>> chosen = select(all, dryRun ? dry : budget - dry, new Random(seed));
            int done = 0;
            for (Map.Entry<OpInfo, List<HostileCall>> e : chosen.entrySet()) {
                try {
                    batch(fixtures, e.getKey(), e.getValue(), dryRun, out);
                } catch (IOException | RuntimeException x) {
                    out.println("NOTE " + e.getKey().qualifiedName() + " (" + (dryRun ? "dry-run" : "apply")
                            + "): the batch broke off: " + x);
                }
                done++;
                if (done % 20 == 0 || done == chosen.size()) {
                    System.err.printf("hostile sweep: %s: %d/%d operations%n", dryRun ? "dry-run" : "apply", done,
                            chosen.size());
                }
            }
        }
        for (Map.Entry<Figure, Map<String, Integer>> e : byOp.entrySet()) {
            List<Map.Entry<String, Integer>> l = new ArrayList<>(e.getValue().entrySet());
            l.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            StringBuilder sb = new StringBuilder("NOTE " + e.getKey().label + " by operation:");
            for (Map.Entry<String, Integer> x : l) {
                sb.append(' ').append(x.getKey()).append('=').append(x.getValue());
            }
            out.println(sb);
        }
        if (!unclearReasons.isEmpty()) {
            out.println("NOTE unclear errors by reason: " + unclearReasons);
        }
    }

    /** The fixture root: the template plus what the valid samples refer to, made in apply mode. */
    private Path prepare(Path template, PrintStream out) throws IOException {
        Path root = ScratchRoot.copy(template, work.resolve("sweep-fixtures"));
        Files.createDirectories(root.resolve("srv/hlower"));
        Files.writeString(root.resolve("srv/hlower/file"), "lower\n");
        try (LocalHostContext ctx = open(root, false); Session s = session(ctx)) {
            for (String line : Samples.FIXTURES.strip().split("\n")) {
                String r = attempt(s, line);
                if (!r.equals("ok")) {
                    out.println("NOTE fixture " + line + " failed: " + r);
                }
            }
        }
        return root;
    }

    /** Up to {@code budget} calls, taken round-robin over the operations after shuffling each one's calls. */
    private static Map<OpInfo, List<HostileCall>> select(Map<OpInfo, List<HostileCall>> all, int budget, Random random) {
        Map<OpInfo, List<HostileCall>> shuffled = new LinkedHashMap<>();
        for (Map.Entry<OpInfo, List<HostileCall>> e : all.entrySet()) {
            List<HostileCall> l = new ArrayList<>(e.getValue());
            Collections.shuffle(l, random);
            shuffled.put(e.getKey(), l);
        }
        Map<OpInfo, List<HostileCall>> chosen = new LinkedHashMap<>();
        int taken = 0;
        for (int round = 0; taken < budget; round++) {
            boolean any = false;
            for (Map.Entry<OpInfo, List<HostileCall>> e : shuffled.entrySet()) {
                if (round < e.getValue().size() && taken < budget) {
                    chosen.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().get(round));
                    taken++;
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return chosen;
    }

    private void batch(Path fixtures, OpInfo op, List<HostileCall> calls, boolean dryRun, PrintStream out)
            throws IOException {
        Path root = ScratchRoot.copy(fixtures, work.resolve("sweep-" + (dryRun ? "dry-" : "apply-") + op.qualifiedName()));
        List<String> stateBefore = TreeListing.stateFiles(root);
        try (LocalHostContext ctx = open(root, dryRun); Session s = session(ctx)) {
            if (dryRun) {
                String valid = attempt(s, HostileCall.validCall(op));
                if (!valid.equals("ok")) {
                    out.println("NOTE valid sample call fails (its other slots test less): " + HostileCall.validCall(op)
                            + " -> " + valid);
                }
            }
            TreeListing before = TreeListing.exact(root);
            for (HostileCall c : calls) {
                String outcome = attempt(s, c.js());
                TreeListing after = TreeListing.exact(root);
                figures.add(Figure.HOSTILE_CALLS, 1);
                judge(c, outcome, dryRun, after.differencesFrom(before, 3));
                before = after;
            }
        }
        try {
            List<String> left = TreeListing.stateFiles(root);
            left.removeAll(stateBefore);
            if (dryRun && !left.isEmpty()) {
                figures.found(Figure.DRY_RUN_CHANGES, op.qualifiedName() + ": the dry-run session left "
                        + String.join(", ", left) + " beside the real database");
            }
        } finally {
            ScratchRoot.unmountBelow(root);
            ScratchRoot.delete(root);
        }
    }

    private void judge(HostileCall c, String outcome, boolean dryRun, List<String> changed) {
        String mode = dryRun ? "dry-run" : "apply";
        String call = c.describe() + " [" + mode + "]";
        if (outcome.equals("ok")) {
            if (c.verdict() == Slot.Verdict.COERCION) {
                count(Figure.COERCIONS, c, call + " was accepted");
            }
            if (c.verdict() != Slot.Verdict.UNDECIDED) {
                count(Figure.UNEXPECTED_SUCCESSES, c, call + " was accepted");
            }
            if (dryRun && !changed.isEmpty()) {
                count(Figure.DRY_RUN_CHANGES, c, call + " changed " + String.join("; ", changed));
            }
            return;
        }
        String why = unclear(c.op().qualifiedName(), outcome);
        if (why != null) {
            count(Figure.UNCLEAR_ERRORS, c, call + ": " + why + ": " + bounded(outcome));
            unclearReasons.merge(why.replaceAll("[0-9]+", "N"), 1, Integer::sum);
        }
        if (!changed.isEmpty()) {
            count(Figure.FILES_CHANGED_ON_REJECTION, c, call + " was refused but changed " + String.join("; ", changed));
        }
    }

    private void count(Figure f, HostileCall c, String finding) {
        figures.found(f, finding);
        byOp.computeIfAbsent(f, k -> new TreeMap<>()).merge(c.op().qualifiedName(), 1, Integer::sum);
    }

    /** Why a refusal is not the one-line {@code module.op: ...} TypeError/BosunError a user should see, or null. */
    static String unclear(String qualifiedName, String outcome) {
        String[] parts = outcome.split("\\|", 3);
        String name = parts.length > 1 ? parts[1] : "";
        String message = parts.length > 2 ? parts[2] : outcome;
        if (outcome.startsWith("timeout")) {
            return "did not finish within " + CALL_TIMEOUT_SECONDS + " s";
        }
        if (outcome.startsWith("escaped")) {
            return "not catchable as a JS error";
        }
        if (message.contains("\n") || message.contains("\r")) {
            return "more than one line";
        }
        if (!message.startsWith(qualifiedName + ": ")) {
            return "does not start with " + qualifiedName + ":";
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("internal error")) {
            return "internal error";
        }
        if (JAVA_NAME.matcher(message).find()) {
            return "names a Java class";
        }
        if (!name.equals("TypeError") && !name.equals("BosunError")) {
            return "thrown as " + name + ", not TypeError or BosunError";
        }
        if (message.length() > BOUNDED_MESSAGE) {
            return "message of " + message.length() + " characters (the value is not bounded)";
        }
        return null;
    }

    private static String bounded(String s) {
        String one = s.replace("\n", "\\n").replace("\r", "\\r");
        return one.length() > 240 ? one.substring(0, 237) + "..." : one;
    }

    /**
     * Runs one call in the session: "ok", "err|Name|message" for a JS error, "escaped|..." when what was thrown
     * could not be caught in JS, "timeout" when the watchdog had to interrupt it.
     */
    private String attempt(Session s, String call) {
        String js = "(() => { try { " + call + "; return 'ok'; } catch (e) { let n = 'unknown', m = ''; "
                + "try { n = String(e && e.name); m = e && e.message !== undefined ? String(e.message) : String(e); } "
                + "catch (x) { m = 'unprintable error'; } return 'err|' + n + '|' + m; } })()";
        ScheduledFuture<?> alarm = watchdog.schedule(s::interrupt, CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            return s.eval(js, "hostile-sweep.js").asString();
        } catch (PolyglotException e) {
            return e.isInterrupted() || e.isCancelled() ? "timeout" : "escaped|" + e.getMessage();
        } finally {
            alarm.cancel(false);
        }
    }

    private static LocalHostContext open(Path root, boolean dryRun) {
        return LocalHostContext.open(root, dryRun, root.resolve(StateDatabase.PATH), "hostile-sweep");
    }

    private Session session(LocalHostContext ctx) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new Session(registry, ctx, new Session.Options(sink, sink, null, List.of(), false));
    }
}
