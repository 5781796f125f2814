package dev.bosun.shell.repl;

import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The REPL's system terminal, opened on a thread of its own: JLine's native set-up (terminal provider probe,
 * terminfo parsing, ~150 ms at start) then overlaps plugin loading and the session's start instead of
 * preceding them. Output written before the terminal is open waits for it, so nothing bypasses JLine.
 */
public final class OpeningTerminal implements AutoCloseable {
    private final CompletableFuture<Terminal> terminal = new CompletableFuture<>();
    private final ScreenOutput screen = new ScreenOutput(waitingOutput());

    private OpeningTerminal() {
    }

    /** Starts opening the system terminal. */
    public static OpeningTerminal start() {
        OpeningTerminal t = new OpeningTerminal();
        Thread.ofPlatform().daemon().name("bosun-terminal").start(() -> {
            try {
                t.terminal.complete(Repl.openTerminal());
            } catch (IOException | RuntimeException | Error e) {
                t.terminal.completeExceptionally(e);
            }
        });
        return t;
    }

    /** The terminal, once open. */
    public Terminal get() throws IOException {
        try {
            return terminal.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The terminal's output, which the REPL may hold to page it; a write waits until the terminal is open. */
    public ScreenOutput output() {
        return screen;
    }

    private OutputStream waitingOutput() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                get().output().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                get().output().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                get().output().flush();
            }
        };
    }

    /** Closes the terminal (restoring its modes), waiting for it to open first; nothing if opening failed. */
    @Override
    public void close() throws IOException {
        Terminal t;
        try {
            t = terminal.join();
        } catch (CompletionException e) {
            return;
        }
        t.close();
    }
}
