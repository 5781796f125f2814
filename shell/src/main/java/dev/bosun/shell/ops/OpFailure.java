package dev.bosun.shell.ops;

import dev.bosun.api.BosunException;

/**
 * Why an {@link Invocation} failed, with its one-line message already prefixed by the operation's name.
 * Each front end shows it its own way (a JS {@code TypeError} or error, a line on stderr and an exit status).
 */
public final class OpFailure extends BosunException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** An argument broke a rule; nothing was run, or the operation refused it before changing anything. */
        BAD_INPUT,
        /** The operation (or its audit row) failed with a message a user can act on. */
        FAILED,
        /** An unexpected exception: a bug; the cause has the stack trace. */
        INTERNAL
    }

    private final Kind kind;
    private final String op;

    OpFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        int colon = message.indexOf(": ");
        this.op = colon < 0 ? null : message.substring(0, colon);
    }

    /** The qualified name of the operation ({@code module.op}) that failed: every message starts with it. */
    public String op() {
        return op;
    }

    public Kind kind() {
        return kind;
    }
}
