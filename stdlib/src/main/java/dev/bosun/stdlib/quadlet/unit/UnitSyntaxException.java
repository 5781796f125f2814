package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.BosunException;

/** A unit file Podman's parser would reject; the message is Podman's, the line is 1-based. */
public final class UnitSyntaxException extends BosunException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String reason;

    public UnitSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
