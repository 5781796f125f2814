package dev.bosun.stdlib.subids;

/** How {@code subids.allocate} places a new range. */
public enum Strategy {
    /** shadow-utils' own search: the lowest free hole of at least COUNT ids; the range useradd would give. */
    FIRST_FIT("first-fit"),
    /** {@code SUB_UID_MIN + (uid - UID_MIN) * COUNT}: the same range on every host for the same uid. */
    DETERMINISTIC("deterministic");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
