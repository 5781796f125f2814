package dev.bosun.bench.reliability;

/** The figures of the reliability table, in table order; {@code mustBeZero} marks the ones a defect raises. */
public enum Figure {
    TRIALS("kill trials", false),
    TORN_FILES("torn files", true),
    HALF_WRITTEN_PAIRS("sub-ID pairs cut in half by a kill", false),
    NON_CONVERGING("non-converging reruns", true),
    LEFTOVER_TEMPORARIES("leftover temporaries", true),
    UNAUDITED_CHANGES("unaudited changes", true),
    CONCURRENT_PROCESSES("concurrent processes", false),
    DUPLICATES("duplicates", true),
    LOST_ALLOCATIONS("lost allocations", true),
    FAILED_CONCURRENT_CALLS("failed concurrent calls", true),
    HOSTILE_CALLS("hostile calls", false),
    UNCLEAR_ERRORS("unclear errors", true),
    COERCIONS("coercions", true),
    UNEXPECTED_SUCCESSES("unexpected successes", true),
    FILES_CHANGED_ON_REJECTION("files changed on rejection", true),
    DRY_RUN_CHANGES("files changed by a dry-run", true),
    COMPARTMENT_TRIALS("compartment kill trials", false),
    COMPARTMENT_TORN("compartments: torn files or database", true),
    COMPARTMENT_NON_CONVERGING("compartments: non-converging reruns", true),
    COMPARTMENT_LEFTOVERS("compartments: leftover temporaries", true);

    public final String label;
    public final boolean mustBeZero;

    Figure(String label, boolean mustBeZero) {
        this.label = label;
        this.mustBeZero = mustBeZero;
    }
}
