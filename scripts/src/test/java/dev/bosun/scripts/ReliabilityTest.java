package dev.bosun.scripts;

import dev.bosun.bench.reliability.Figure;
import dev.bosun.bench.reliability.Figures;
import dev.bosun.bench.reliability.ReliabilityRun;
import dev.bosun.bench.reliability.RunOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bounded variant of the reliability runner (bench/reliability/run, docs/benchmarks.md): 6 kill trials,
 * 4 concurrent processes, 2,000 hostile calls, 4 compartment kill trials, each part on its own figures so that a
 * column is asserted for the part that raises it.
 *
 * <p>Every column of the first three parts is asserted: torn files, non-converging reruns, leftover temporaries and
 * unaudited changes (kill trials), duplicates, lost allocations, failed concurrent calls (concurrent allocators),
 * unclear errors, unexpected successes, coercions, files changed on rejection or by a dry-run (hostile calls). The
 * compartment trials' exceptions are listed on their test.
 * The kill trials' figures depend on where the kill lands, so with 6 trials a defect shows only sometimes; the
 * full runner's 300 trials are the measure.
 */
@Tag("reliability")
class ReliabilityTest {
    private static final long SEED = 13;

    private static RunOptions options(int trials, int procs, int hostile) {
        return RunOptions.defaults(Bosun.REPO).withCounts(trials, procs, hostile).withSeed(SEED);
    }

    private static void assumeRoot() {
        Assumptions.assumeTrue(Bosun.isRoot(), "the reliability runner needs root (useradd --prefix, namespaces)");
    }

    @Test
    void killTrialsLeaveNoTornFileNoTemporaryNoUnauditedChangeAndConverge() throws Exception {
        assumeRoot();
        Figures f = ReliabilityRun.run(options(6, 0, 0), System.err);
        assertEquals(6, f.count(Figure.TRIALS));
        assertZero(f, Figure.TORN_FILES);
        assertZero(f, Figure.NON_CONVERGING);
        assertZero(f, Figure.LEFTOVER_TEMPORARIES);
        assertZero(f, Figure.UNAUDITED_CHANGES);
    }

    @Test
    void concurrentAllocatorsHandOutNothingTwiceAndLoseNothing() throws Exception {
        assumeRoot();
        Figures f = ReliabilityRun.run(options(0, 4, 0), System.err);
        assertEquals(4, f.count(Figure.CONCURRENT_PROCESSES));
        assertZero(f, Figure.DUPLICATES);
        assertZero(f, Figure.LOST_ALLOCATIONS);
        assertZero(f, Figure.FAILED_CONCURRENT_CALLS);
        assertZero(f, Figure.TORN_FILES);
        assertZero(f, Figure.LEFTOVER_TEMPORARIES);
    }

    @Test
    void hostileCallsAreNotCoercedAndChangeNothingWhenRefusedOrPlanned() throws Exception {
        assumeRoot();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) || Files.isExecutable(Path.of("/bin/unshare")),
                "the sweep runs in namespaces made with unshare (util-linux)");
        Figures f = ReliabilityRun.run(options(0, 0, 2000), System.err);
        assertEquals(2000, f.count(Figure.HOSTILE_CALLS));
        assertZero(f, Figure.FILES_CHANGED_ON_REJECTION);
        assertZero(f, Figure.COERCIONS);
        assertZero(f, Figure.DRY_RUN_CHANGES);
        // The bridge checks every value against its declared type (null elements and values, number kinds), so
        // these hold for the whole sweep, not only by the luck of this sample (all 30,048 calls of both modes
        // with seed 13 on 2026-12-03: 0 and 0).
        assertZero(f, Figure.UNCLEAR_ERRORS);
        assertZero(f, Figure.UNEXPECTED_SUCCESSES);
    }

    /**
     * Compartment kill trials (bench/reliability/compartments.js, one compartment with every kind of thing): two kills
     * of compartments.apply and two of compartments.remove, each followed by a rerun that must converge. Asserted:
     * no torn file or database, and no non-converging rerun but the ones the groups and users modules still have
     * (groupadd/useradd or groupdel/userdel killed between their writes of group and gshadow or passwd and shadow,
     * after which the rerun's ensure finds the account present, or absent, and repairs nothing: 7 of the 400
     * compartment trials of 2026-12-03, each a difference in the account files alone, {@link #GROUP_TOOL_TORN}).
     * Not asserted, with those runs' figures: leftover temporaries (21 of 400), shadow-utils' {@code etc/*.<pid>}
     * lock-link files and {@code etc/*.lock} files of a killed tool and the effect layer's
     * {@code .NAME.bosun-XXXXXXXX} temporaries, the same as the provisioning trials' (above).
     */
    @Test
    void compartmentApplyAndRemoveConvergeAfterAKill() throws Exception {
        assumeRoot();
        Figures f = ReliabilityRun.run(options(0, 0, 0).withCompartmentTrials(4, 1), System.err);
        assertEquals(4, f.count(Figure.COMPARTMENT_TRIALS));
        assertZero(f, Figure.COMPARTMENT_TORN);
        List<String> compartments = f.examples(Figure.COMPARTMENT_NON_CONVERGING).stream()
                .filter(finding -> !GROUP_TOOL_TORN.matcher(finding).find()).toList();
        assertEquals(List.of(), compartments, "non-converging reruns of the compartments' own doing");
    }

    /**
     * A rerun whose tree differs only in the content of account files: a shadow-utils tool cut between its writes of
     * group and gshadow or passwd and shadow (the groups and users modules' known case, not the compartments').
     */
    private static final Pattern GROUP_TOOL_TORN = Pattern.compile(
            "the rerun left a different tree: ~etc/(passwd|shadow|group|gshadow) \\(content\\)"
                    + "(; ~etc/(passwd|shadow|group|gshadow) \\(content\\))*$");

    private static void assertZero(Figures f, Figure figure) {
        assertEquals(0, f.count(figure), figure.label + ": " + String.join("\n  ", f.examples(figure)));
    }
}
