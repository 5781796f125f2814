package dev.bosun.shell.js;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Real JS errors thrown from host code, so scripts can {@code catch} them and test
 * {@code e instanceof TypeError}; the message is the one-line {@code module.op: ...} text.
 */
final class JsErrors {
    private final Value typeError;
    private final Value error;

    /** The two factories, {@code (m) => new TypeError(m)} and one making an Error named BosunError. */
    JsErrors(Value typeError, Value bosunError) {
        this.typeError = typeError;
        this.error = bosunError;
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
