package dev.bosun.shell.js;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Real JS errors thrown from host code, so scripts can {@code catch} them and test
 * {@code e instanceof TypeError}; the message is the one-line {@code module.op: ...} text. The factories
 * use the constructors captured when the context was made ({@link SandboxContext}), so a script that
 * replaces {@code TypeError} or {@code Error} changes nothing here. Messages are bounded and escaped once
 * more ({@link Check#oneLine}): they may carry text of unknown origin, such as an internal error's.
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
        throw typeError.execute(line(message)).throwException();
    }

    /** Throws a JS Error named BosunError. */
    PolyglotException error(String message) {
        throw error.execute(line(message)).throwException();
    }

    private static String line(String message) {
        return Check.oneLine(message, BosunException.MESSAGE_LIMIT);
    }
}
