package dev.bosun.bench.reliability;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The compartment part: kill -9 trials of {@code compartments.apply} and {@code compartments.remove} under
 * {@code --root} (bench/reliability/compartments.js, N compartments with every kind of thing a compartment owns).
 * Uninterrupted runs give, for each phase, the expected tree, the expected ownership records and the longest
 * duration D of the work (from the script's first line to its end, three runs). Trials alternate the phases in
 * pairs (apply, apply, remove, remove, ...) and the kill kinds (odd: the whole process group, so useradd or
 * userdel die mid-write; even: the JVM alone). An apply trial starts on a fresh copy of the template; a remove
 * trial on a copy of the applied tree. Each kill lands uniformly in [0, D) after the first line; then:
 * <ul>
 *   <li>torn: every account file parses and the state database passes {@code PRAGMA integrity_check} (after
 *       the kill and after the rerun);</li>
 *   <li>non-converging: one rerun of the same phase exits 0 and leaves the tree of the uninterrupted run (the
 *       normalised listing, so owners, modes and contents of every file) and the same ownership records and
 *       specs in the state database;</li>
 *   <li>leftover temporaries: none after the rerun, and no lock naming a live process after the kill.</li>
 * </ul>
 */
final class CompartmentKillTrials {
    /** The first line compartments.js prints, once the JVM and the JS engine are up: the kill clock starts there. */
    private static final String START = "compartments ";
    private static final int BASELINE_RUNS = 3;
    private static final long RUN_TIMEOUT = 600;

    private final Launcher bosun;
    private final Path template;
    private final Path work;
    private final Path script;
    private final int compartments;
    private final Random random;
    private final Figures figures;
    private final PrintStream log;

    /** What an uninterrupted run of one phase leaves and how long its work takes. */
    private record Expected(TreeListing tree, List<String> records, long durationMs) {
    }

    CompartmentKillTrials(Launcher bosun, Path template, Path work, Path script, int compartments, Random random,
                          Figures figures, PrintStream log) {
        this.bosun = bosun;
        this.template = template;
        this.work = work;
        this.script = script;
        this.compartments = compartments;
        this.random = random;
        this.figures = figures;
        this.log = log;
    }

    void run(int trials) throws IOException, InterruptedException {
        if (trials <= 0) {
            return;
        }
        // The applied tree every remove trial starts from, made once by an uninterrupted apply.
        Path applied = work.resolve("compartments-applied");
        Expected apply = null;
        Expected remove = null;
        for (int run = 0; run < BASELINE_RUNS; run++) {
            ScratchRoot.delete(applied);
            ScratchRoot.copy(template, applied);
            Expected a = uninterrupted(applied, "apply");
            Path removed = ScratchRoot.copy(applied, work.resolve("compartments-removed"));
            try {
                Expected r = uninterrupted(removed, "remove");
                apply = longer(apply, a, "apply");
                remove = longer(remove, r, "remove");
            } finally {
                ScratchRoot.delete(removed);
            }
        }
        checkNoOp(applied, "apply", apply);
        List<String> pristine = TreeListing.of(template).differencesFrom(remove.tree(), 4);
        if (!pristine.isEmpty()) {
            log.println("compartment trials: warning: an uninterrupted remove does not give the template's tree back: "
                    + pristine);
        }
        log.printf("compartment trials: %d compartments; the uninterrupted apply's work takes up to %d ms, remove's %d ms; "
                + "%d trials%n", compartments, apply.durationMs(), remove.durationMs(), trials);
        try {
            for (int i = 1; i <= trials; i++) {
                boolean removing = (i - 1) / 2 % 2 == 1;
                Expected e = removing ? remove : apply;
                trial(i, removing ? "remove" : "apply", i % 2 == 1, (long) (random.nextDouble() * e.durationMs()),
                        removing ? applied : template, e);
                figures.add(Figure.COMPARTMENT_TRIALS, 1);
                if (i % 25 == 0 || i == trials) {
                    log.printf("compartment trials: %d/%d done%n", i, trials);
                }
            }
        } finally {
            ScratchRoot.delete(applied);
        }
    }

    /** Keeps the longer duration; warns when two uninterrupted runs leave different trees or records. */
    private Expected longer(Expected kept, Expected fresh, String phase) {
        if (kept == null) {
            return fresh;
        }
        List<String> drift = fresh.tree().differencesFrom(kept.tree(), 3);
        if (!drift.isEmpty() || !fresh.records().equals(kept.records())) {
            log.println("compartment trials: warning: uninterrupted " + phase + " runs leave different trees or records, "
                    + "so every trial will look non-converging: " + drift);
        }
        return new Expected(kept.tree(), kept.records(), Math.max(kept.durationMs(), fresh.durationMs()));
    }

    /** A second uninterrupted apply on a converged root must change nothing. */
    private void checkNoOp(Path root, String phase, Expected e) throws IOException, InterruptedException {
        Path copy = ScratchRoot.copy(root, work.resolve("compartments-again"));
        try {
            Launcher.Result again = bosun.run(RUN_TIMEOUT, args(copy, phase));
            List<String> drift = TreeListing.of(copy).differencesFrom(e.tree(), 3);
            if (!again.ok() || !drift.isEmpty() || !CompartmentRecords.of(copy).equals(e.records())) {
                log.println("compartment trials: warning: a second uninterrupted " + phase + " is not a no-op: "
                        + (again.ok() ? drift : again.lastErrorLine()));
            }
        } finally {
            ScratchRoot.delete(copy);
        }
    }

    /** Runs the phase to its end on the root; its tree, records and how long its work took. */
    private Expected uninterrupted(Path root, String phase) throws IOException, InterruptedException {
        Launcher.Run run = bosun.start(args(root, phase));
        if (!run.awaitOutput(START, RUN_TIMEOUT)) {
            throw new IllegalStateException("compartments.js " + phase + " never printed \"" + START + "\": "
                    + run.await(10).lastErrorLine());
        }
        long t0 = System.nanoTime();
        Launcher.Result r = run.await(RUN_TIMEOUT);
        if (!r.ok()) {
            throw new IllegalStateException("the uninterrupted compartments " + phase + " failed: " + r.lastErrorLine());
        }
        long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        return new Expected(TreeListing.of(root), CompartmentRecords.of(root), ms);
    }

    private List<String> args(Path root, String phase) {
        return List.of("--root", root.toString(), "run", script.toString(), phase, Integer.toString(compartments));
    }

    private void trial(int i, String phase, boolean group, long delayMs, Path from, Expected expected)
            throws IOException, InterruptedException {
        String name = "compartments " + phase + " trial " + i + " (" + (group ? "group" : "JVM") + " killed " + delayMs
                + " ms into the work)";
        Path root = ScratchRoot.copy(from, work.resolve("compartment-trial-" + i));
        try {
            Launcher.Run run = bosun.start(args(root, phase));
            run.awaitOutput(START, RUN_TIMEOUT);
            Thread.sleep(delayMs);
            if (run.alive()) {
                if (group) {
                    run.killGroup();
                } else {
                    run.killJvm();
                }
            }
            run.await(RUN_TIMEOUT);

            List<String> torn = new ArrayList<>(AccountFiles.problems(root));
            torn.addAll(StateDatabase.problems(root));
            for (String p : torn) {
                figures.found(Figure.COMPARTMENT_TORN, name + " after the kill: " + p);
            }
            Set<String> leftovers = new LinkedHashSet<>();
            for (String l : Temporaries.liveLocks(root)) {
                leftovers.add(l + " left by the killed run names a live PID, so writers take the lock as held");
            }

            Launcher.Result rerun = bosun.run(RUN_TIMEOUT, args(root, phase));
            if (rerun.status() == -1) {
                figures.found(Figure.COMPARTMENT_NON_CONVERGING, name + ": the rerun did not finish in " + RUN_TIMEOUT + " s");
            } else if (!rerun.ok()) {
                figures.found(Figure.COMPARTMENT_NON_CONVERGING, name + ": the rerun failed: " + rerun.lastErrorLine());
            } else {
                List<String> diff = TreeListing.of(root).differencesFrom(expected.tree(), 4);
                List<String> records = CompartmentRecords.of(root);
                if (!diff.isEmpty()) {
                    figures.found(Figure.COMPARTMENT_NON_CONVERGING, name + ": the rerun left a different tree: "
                            + String.join("; ", diff));
                } else if (!records.equals(expected.records())) {
                    figures.found(Figure.COMPARTMENT_NON_CONVERGING, name + ": the rerun left different records: "
                            + CompartmentRecords.difference(records, expected.records()));
                }
            }
            for (String p : StateDatabase.problems(root)) {
                figures.found(Figure.COMPARTMENT_TORN, name + " after the rerun: " + p);
            }
            for (String t : Temporaries.in(root)) {
                leftovers.add(t + " left after the rerun");
            }
            for (String l : leftovers) {
                figures.found(Figure.COMPARTMENT_LEFTOVERS, name + ": " + l);
            }
        } finally {
            ScratchRoot.delete(root);
        }
    }
}
