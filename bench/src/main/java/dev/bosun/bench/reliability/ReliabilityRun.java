package dev.bosun.bench.reliability;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The reliability runner ({@code bench/reliability/run}): kill -9 trials of a provisioning script (and, asked for,
 * of compartments.apply and remove), concurrent
 * allocators on one root, and the hostile-input sweep over every operation, summed up in one table. Progress
 * goes to stderr; the findings and the table to stdout. Exit status 0 when it ran (whatever the figures),
 * 2 on a usage error. See docs/benchmarks.md.
 */
public final class ReliabilityRun {
    private ReliabilityRun() {
    }

    public static void main(String[] argv) throws Exception {
        RunOptions o;
        try {
            o = RunOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("reliability: " + e.getMessage());
            System.err.println(RunOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.println(RunOptions.USAGE);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Figures figures = run(o, System.err);
        figures.printFindings(out);
        out.println();
        out.printf("reliability: seed %d, %d kill trials of %d users, %d processes, %d hostile calls budget, "
                        + "%d compartment kill trials of %d compartments; wall time %.0f s%n",
                o.seed(), o.trials(), o.users(), o.procs(), o.hostile(), o.compartmentTrials(), o.compartments(),
                (System.nanoTime() - t0) / 1e9);
        figures.printTable(out);
    }

    /** Runs the parts the options ask for and returns their figures. */
    public static Figures run(RunOptions o, PrintStream log) throws IOException, InterruptedException {
        if (!isRoot()) {
            throw new IllegalStateException("the reliability runner needs root (useradd --prefix on scratch roots, "
                    + "mount and network namespaces for the hostile sweep)");
        }
        Figures figures = new Figures(o.examples());
        Path work = Files.createTempDirectory("bosun-reliability-");
        // Stopped with Ctrl-C or kill: no launcher left running in its own session, no scratch root left in /tmp.
        Thread cleanup = new Thread(() -> {
            Launcher.killAll();
            ScratchRoot.delete(work);
        }, "reliability cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Path template = ScratchRoot.template(work.resolve("template"));
            Launcher bosun = new Launcher(o.repo(), work);
            Random random = new Random(o.seed());
            new KillTrials(bosun, template, work, o.repo().resolve("bench/reliability/provision.js"), o.users(), random,
                    figures, log).run(o.trials());
            new CompartmentKillTrials(bosun, template, work, o.repo().resolve("bench/reliability/compartments.js"),
                    o.compartments(), random, figures, log).run(o.compartmentTrials());
            new ConcurrentAllocations(bosun, template, work, o.repo().resolve("bench/reliability/allocate.js"), figures,
                    log).run(o.procs());
            new HostileSweep(o.repo(), template, work, figures, log).run(o.hostile(), o.seed(), o.examples());
            return figures;
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            ScratchRoot.delete(work);
        }
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
