package dev.bosun.api;

/**
 * A failure a user can act on. The message is one line that says what was wrong and, where it
 * helps, what to do; Bosun prefixes it with {@code module.op} when it reaches a script.
 */
public class BosunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BosunException(String message) {
        super(oneLine(message));
    }

    public BosunException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Code points a message keeps; a tool's stderr or a value that slipped past {@link Check#quote} is cut. */
    public static final int MESSAGE_LIMIT = 2000;

    /**
     * Messages are shown on one line; tools' multi-line stderr is folded so nothing scrolls away, and what is
     * left of invisible or line-breaking characters is escaped and the length bounded ({@link Check#oneLine}).
     */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return Check.oneLine(message.strip().replaceAll("\\s*\\R\\s*", "; "), MESSAGE_LIMIT);
    }
}
