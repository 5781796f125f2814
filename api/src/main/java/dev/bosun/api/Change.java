package dev.bosun.api;

/**
 * One change to the host.
 *
 * @param kind    what sort of change
 * @param target  the file, command, or state key it concerns
 * @param summary one line for people
 * @param diff    unified diff for file changes, else null
 */
public record Change(Kind kind, String target, String summary, String diff) {
    public enum Kind {
        WRITE("write"), CREATE("create"), DELETE("delete"), MKDIR("mkdir"), ATTRIBUTES("attributes"),
        EXEC("exec"), STATE("state"), NOTE("note");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static Change state(String target, String summary) {
        return new Change(Kind.STATE, target, summary, null);
    }

    public static Change note(String target, String summary) {
        return new Change(Kind.NOTE, target, summary, null);
    }
}
