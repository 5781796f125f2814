package dev.bosun.shell.js;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Real JS errors thrown from host code, so scripts can {@code catch} them and test
 * {@code e instanceof TypeError}; the message is the one-line {@code module.op: ...} text.
 */
final class JsErrors {
    private final Value typeError;
    private final Value error;

    JsErrors(Context ctx) {
        Source src = Source.newBuilder("js", "[(m) => new TypeError(m), (m) => { const e = new Error(m); "
                + "e.name = 'BosunError'; return e; }]", "bosun:internal/errors").buildLiteral();
        Value pair = ctx.eval(src);
        this.typeError = pair.getArrayElement(0);
        this.error = pair.getArrayElement(1);
    }

    /** Throws a JS TypeError; declared as returning so callers can write {@code throw errors.typeError(..)}. */
    PolyglotException typeError(String message) {
        throw typeError.execute(message).throwException();
    }

    /** Throws a JS Error named BosunError. */
    PolyglotException error(String message) {
        throw error.execute(message).throwException();
    }
}
