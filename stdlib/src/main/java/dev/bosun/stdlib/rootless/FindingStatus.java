package dev.bosun.stdlib.rootless;

/** The verdict of one finding; crosses to JS as its lower-case label. */
public enum FindingStatus {
    /** Fine for rootless Podman with Quadlet. */
    OK("ok"),
    /** Works, with a limit the detail names (no resource limits, no linger, ...). */
    WARN("warn"),
    /** Rootless containers or their Quadlet units cannot work until the remedy is applied. */
    FAIL("fail"),
    /** Not made: nothing to look at (no user named) or a fact this root cannot show. */
    SKIP("skip");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
