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
 * <p>Only the columns that are zero on today's code are asserted (in the full run of 300 trials, 8 processes and
 * 29,424 hostile calls on main of 2026-12-03 too: torn files, unaudited changes, duplicates, lost allocations,
 * failed concurrent calls, coercions, files changed on rejection or by a dry-run). Not yet asserted, with that
 * full run's figures; to be turned on when the fixes of issue 13 are merged:
 * <ul>
 *   <li>non-converging reruns (5 of 300): useradd killed between its writes of passwd and shadow (a shadow line
 *       stays missing: the rerun's users.ensure finds the user in passwd and repairs nothing); quadlet.install
 *       killed after making ~/.config or ~/.config/containers as root, after which every rerun refuses "a
 *       directory owned by uid N holds a directory owned by root (unsafe path transition)"; the unit directory
 *       left 0700 instead of 0755;</li>
 *   <li>leftover temporaries (21): {@code etc/subuid.<pid>}-style lock-link files of a killed writer and
 *       Bosun's {@code .NAME.bosun-XXXXXXXX} unit temporaries, which no rerun removes;</li>
 *   <li>unclear errors (38): a null or undefined list element ends in an internal NullPointerException or in
 *       Jackson's {@code Cannot construct instance of dev.bosun...} text (quadlet builders, quadlet.render,
 *       validate and bundle.render, subids.idMap, sandbox.spec);</li>
 *   <li>unexpected successes (24): a null map value (quadlet builders' label, annotation, environment, ...) and
 *       a BigInt for a number (sandbox.spec cpus) are accepted. Zero in this test's sample of 2,000 calls, but
 *       the full sweep finds them, so asserting it here would only hold by the luck of the sample.</li>
 * </ul>
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
    void killTrialsLeaveNoTornFileAndNoUnauditedChange() throws Exception {
        assumeRoot();
        Figures f = ReliabilityRun.run(options(6, 0, 0), System.err);
        assertEquals(6, f.count(Figure.TRIALS));
        assertZero(f, Figure.TORN_FILES);
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
