package dev.bosun.shell.js;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream a context is built with, pointed at the session's stream once a session takes the
 * context: a context's streams are fixed when it is built, which is before its session exists. Output
 * written before that is dropped (nothing runs in the context then but Bosun's own set-up).
 */
final class ForwardingOutputStream extends OutputStream {
    private volatile OutputStream target = OutputStream.nullOutputStream();

    void bind(OutputStream to) {
        this.target = to;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
