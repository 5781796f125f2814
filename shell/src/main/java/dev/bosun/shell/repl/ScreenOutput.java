package dev.bosun.shell.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The REPL's way to the terminal, which can hold what one evaluation prints (its console.log and help
 * output, its result, its plan) so that the REPL can page it when it is taller than the screen. Held output
 * is let through as it comes once an evaluation runs for long ({@link #letThrough}): progress must show.
 */
public final class ScreenOutput extends OutputStream {
    private final OutputStream target;
    private ByteArrayOutputStream held;

    public ScreenOutput(OutputStream target) {
        this.target = target;
    }

    /** From now on, hold what is written. */
    synchronized void hold() {
        held = new ByteArrayOutputStream();
    }

    /** Writes what is held and stops holding: what follows goes straight to the terminal. */
    synchronized void letThrough() throws IOException {
        if (held != null) {
            held.writeTo(target);
            held = null;
            target.flush();
        }
    }

    /** Stops holding and returns what was held (empty when it was let through already). */
    synchronized String take() {
        String text = held == null ? "" : held.toString(StandardCharsets.UTF_8);
        held = null;
        return text;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (held != null) {
            held.write(b);
        } else {
            target.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (held != null) {
            held.write(b, off, len);
        } else {
            target.write(b, off, len);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (held == null) {
            target.flush();
        }
    }
}
