package dev.bosun.stdlib.kvm;

/** The verdict of one check; crosses to JS as its lower-case label. */
public enum CheckStatus {
    PASS("pass"), WARN("warn"), FAIL("fail"), SKIP("skip");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
