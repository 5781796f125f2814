package dev.bosun.shell.js;

/** Thrown by the {@code exit(code)} global to end a script with an exit status and no stack trace. */
public final class ScriptExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ScriptExit(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
