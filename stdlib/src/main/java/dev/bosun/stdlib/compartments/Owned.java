package dev.bosun.stdlib.compartments;

/**
 * One thing on the host a compartment made and therefore may change or remove: ownership is recorded in the state
 * database before the thing is created, so a crash in between leaves a record of something absent (which the next
 * apply creates, or the next remove skips), never something present that Bosun does not know it made.
 *
 * @param kind what it is
 * @param name its host name: an account name, a path, or {@code user/name} for Podman's objects of a user; for a
 *             {@link Kind#HOME} being removed, {@code UID:PATH} (the user, and so its uid, is gone once userdel ran)
 */
record Owned(Kind kind, String name) implements Comparable<Owned> {

    /** The kinds, in the order apply creates them; remove takes them away in reverse. */
    enum Kind {
        GROUP, USER, SUBIDS, HELPER_GROUP, HELPER_USER, LINGER, DIR, FILE, UNIT, SECRET, LOGIN,
        /** Written by remove, not apply: the user's home, recorded before userdel so a rerun can still delete it. */
        HOME;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Kind of(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    public int compareTo(Owned o) {
        int k = kind.compareTo(o.kind);
        return k != 0 ? k : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return kind.label() + " " + name;
    }
}
