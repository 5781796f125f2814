package dev.bosun.bench.reliability;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a reliability run does: how many kill trials (of how many users), concurrent processes and hostile
 * calls, the random seed, and the repository whose {@code ./bosun} runs.
 */
public record RunOptions(int trials, int users, int procs, int hostile, long seed, int examples, Path repo,
                         boolean help, int compartmentTrials, int compartments) {
    static final String USAGE = """
            usage: bench/reliability/run [--trials N] [--users N] [--procs N] [--hostile N] [--seed S] [--examples N]
                                        [--compartment-trials N] [--compartments N]
              --trials N    kill -9 trials of the provisioning script (default 300; 0 skips)
              --users N     users the provisioning script makes (default 20)
              --procs N     concurrent Bosun processes allocating on one root (default 8; 0 skips)
              --hostile N   hostile calls, split between dry-run and apply mode (default 24000; 0 skips)
              --seed S      random seed for kill delays and the hostile sample (default: time)
              --examples N  findings shown per figure (default 10)
              --compartment-trials N  kill -9 trials of compartments.apply and compartments.remove (default 0: skipped)
              --compartments N        compartments each of those trials applies or removes (default 3)""";

    public RunOptions {
        if (trials < 0 || users < 1 || procs < 0 || hostile < 0 || examples < 0 || compartmentTrials < 0
                || compartments < 1) {
            throw new IllegalArgumentException("counts must not be negative and --users and --compartments at least 1");
        }
        if (!Files.isExecutable(repo.resolve("bosun"))) {
            throw new IllegalArgumentException(repo + " has no ./bosun launcher");
        }
    }

    /** The defaults of the full run, on the repository given. */
    public static RunOptions defaults(Path repo) {
        return new RunOptions(300, 20, 8, 24_000, System.nanoTime(), 10, repo, false, 0, 3);
    }

    public RunOptions withCounts(int trials, int procs, int hostile) {
        return new RunOptions(trials, users, procs, hostile, seed, examples, repo, help, compartmentTrials, compartments);
    }

    public RunOptions withSeed(long seed) {
        return new RunOptions(trials, users, procs, hostile, seed, examples, repo, help, compartmentTrials, compartments);
    }

    /** The same run with this many compartment kill trials, each of {@code compartments} compartments. */
    public RunOptions withCompartmentTrials(int compartmentTrials, int compartments) {
        return new RunOptions(trials, users, procs, hostile, seed, examples, repo, help, compartmentTrials, compartments);
    }

    static RunOptions parse(String[] argv) {
        Path repo = Path.of(System.getProperty("bosun.repo", ".")).toAbsolutePath().normalize();
        RunOptions d = defaults(repo);
        int trials = d.trials;
        int users = d.users;
        int procs = d.procs;
        int hostile = d.hostile;
        long seed = d.seed;
        int examples = d.examples;
        boolean help = false;
        int compartmentTrials = d.compartmentTrials;
        int compartments = d.compartments;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "-h", "--help" -> help = true;
                case "--trials" -> trials = number(a, argv, ++i);
                case "--users" -> users = number(a, argv, ++i);
                case "--procs" -> procs = number(a, argv, ++i);
                case "--hostile" -> hostile = number(a, argv, ++i);
                case "--seed" -> seed = number(a, argv, ++i);
                case "--examples" -> examples = number(a, argv, ++i);
                case "--compartment-trials" -> compartmentTrials = number(a, argv, ++i);
                case "--compartments" -> compartments = number(a, argv, ++i);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return new RunOptions(trials, users, procs, hostile, seed, examples, repo, help, compartmentTrials, compartments);
    }

    private static int number(String option, String[] argv, int i) {
        if (i >= argv.length) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            return Integer.parseInt(argv[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + argv[i]);
        }
    }
}
