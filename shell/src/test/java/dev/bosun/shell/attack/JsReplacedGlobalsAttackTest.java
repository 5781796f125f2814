package dev.bosun.shell.attack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A script replaces the built-ins the bridge relies on: {@code TypeError = function(){}} once turned every
 * argument error into a raw Java exception ("Unsupported operation Value.throwException()"). The bridge
 * captured what it uses (error constructors, {@code Object.hasOwn}, {@code Object.keys},
 * {@code Object.defineProperty}, {@code JSON}) when the context was made, so after any of these replacements
 * a bad argument is still a real TypeError (an instance of the original class) with the one-line message,
 * the argument is still read by own properties only, and nothing changes on the scratch root.
 */
@Tag("attack")
class JsReplacedGlobalsAttackTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "TypeError = function () {};",
        "globalThis.TypeError = class { constructor() { return {}; } };",
        "globalThis.Error = function () { return 42; };",
        "Object.defineProperty(Error.prototype, 'name', {set() { throw 'no'; }, get() { return 'Error'; }});",
        "Object.defineProperty(Object.prototype, 'value', {get() { throw 'no'; }, configurable: true});",
        "Object.prototype.get = function () { return 'root'; };",
        "Object.hasOwn = () => true; Array.prototype[0] = 'root';",
        "Object.keys = () => ['uid']; Object.prototype.uid = 0;",
        "Object.defineProperty = () => { throw 'no'; };",
        "JSON.parse = () => ({}); JSON.stringify = () => '{}';",
        "Reflect.apply = () => true; Function.prototype.call = () => true; Function.prototype.apply = () => true;"})
    void argumentErrorsStayRealTypeErrors(String replace) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            String outcome = s.attempt("const OriginalTypeError = TypeError; " + replace
                    + " try { users.ensure({name: 'Mallory/1', groups: new Array(1)}); return 'no error'; }"
                    + " catch (e) { return (e instanceof OriginalTypeError) + ' ' + e.message; }");
            assertEquals("ok|true users.ensure: spec.groups[0] is a hole in the array: every element must be given",
                    outcome, replace);
            s.assertNothingChanged();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error = function () {};", "Object.defineProperty = () => { throw 'no'; };"})
    void operationErrorsStayBosunErrors(String replace) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            String outcome = s.attempt("const OriginalError = Error; " + replace
                    + " try { files.read('/etc/nonexistent'); return 'no error'; }"
                    + " catch (e) { return (e instanceof OriginalError) + ' ' + e.name; }");
            assertEquals("ok|true BosunError", outcome, replace);
            s.assertNothingChanged();
        }
    }
}
