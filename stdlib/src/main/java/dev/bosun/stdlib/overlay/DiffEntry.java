package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;

/** One change of the upper layer against the lower layers, like a line of {@code podman diff}. */
@Doc("One change the upper layer makes")
public record DiffEntry(
        @Doc("the path in the merged tree, e.g. /etc/hostname") String path,
        @Doc("added, modified, deleted or opaque") Kind kind) {

    public enum Kind {
        /** In upper only. */
        ADDED("added"),
        /** In upper and in a lower layer (the upper copy wins). */
        MODIFIED("modified"),
        /** A whiteout: the lower path is hidden. */
        DELETED("deleted"),
        /** A directory whose lower content is hidden. */
        OPAQUE("opaque");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
