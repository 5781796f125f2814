package dev.bosun.shell.attack;

import dev.bosun.api.Change;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A script puts values on {@code Array.prototype} / {@code Object.prototype} (or on an argument's own
 * prototype) and passes an argument with holes or missing keys, hoping the bridge reads the inherited values:
 * {@code Array.prototype[0] = "root"} plus {@code groups: new Array(1)} once made a user a member of group
 * root. The bridge reads own properties only: a hole is an error, an inherited key is not an option. Each
 * refused call runs applied on a scratch root, so a success would have changed its {@code etc/group}.
 */
@Tag("attack")
class JsPrototypeAttackTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "Array.prototype[0] = 'root'; return users.ensure({name: 'mallory', groups: new Array(1)});",
        "Object.defineProperty(Array.prototype, 0, {get() { return 'root'; }, configurable: true});"
                + " return users.ensure({name: 'mallory', groups: [, 'wheel']});",
        "const g = []; g.length = 1; Object.setPrototypeOf(g, ['root']);"
                + " return users.ensure({name: 'mallory', groups: g});",
        "Array.prototype[1] = 'root'; return users.ensure({name: 'mallory', groups: ['wheel', , ]});"})
    void aHoleInAnArgumentArrayIsAnErrorNotTheInheritedValue(String code) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            String outcome = s.attempt(code);
            assertEquals("TypeError|users.ensure: spec.groups[" + (code.contains("[1]") ? 1 : 0)
                    + "] is a hole in the array: every element must be given", outcome);
            s.assertNothingChanged();
            assertFalse(s.etc("group").contains("mallory"));
        }
    }

    @Test
    void aGetterThatDeletesALaterKeyCannotLetTheInheritedValueThrough() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            String outcome = s.attempt("Object.prototype.groups = ['root'];"
                    + " const spec = { get name() { delete this.groups; return 'mallory'; }, groups: ['wheel'] };"
                    + " try { return users.ensure(spec); } finally { delete Object.prototype.groups; }");
            assertEquals("TypeError|users.ensure: spec.groups was deleted while the argument was being read", outcome);
            s.assertNothingChanged();
        }
    }

    @Test
    void inheritedKeysAreNotOptions() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, true, null)) {
            String outcome = s.attempt("Object.prototype.groups = ['root']; Object.prototype.uid = 0;"
                    + " try { const r = users.ensure({name: 'mallory'}); return JSON.stringify(r.user.groups) + ' '"
                    + " + r.user.uid; } finally { delete Object.prototype.groups; delete Object.prototype.uid; }");
            assertEquals("ok|[]", outcome.substring(0, 5), outcome);
            assertFalse(outcome.endsWith(" 0"), outcome);
            for (Change c : s.host.plan().changes()) {
                if (c.kind() == Change.Kind.EXEC) {
                    assertFalse(c.target().contains(" -G") || c.target().contains(" -u 0"), c.target());
                }
            }
            s.assertNothingChanged();
        }
    }

    @Test
    void aGetterIsReadOnceSoValidationAndTheOperationSeeTheSameValue() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, true, null)) {
            String outcome = s.attempt("let reads = 0;"
                    + " const spec = { get name() { return reads++ === 0 ? 'carol' : 'root'; } };"
                    + " return users.ensure(spec).name + ' ' + reads;");
            assertEquals("ok|carol 1", outcome);
            s.assertNothingChanged();
        }
    }

    @Test
    void settersOnArrayPrototypeDoNotSeeOrChangeHowAnArgumentIsRead() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, true, null)) {
            // The bridge collects an argument's keys and values into fresh arrays inside the realm; a setter for
            // their indexes on Array.prototype must neither run nor replace what is collected.
            String outcome = s.attempt("let seen = 0; for (const i of [0, 1, 2, 3]) Object.defineProperty("
                    + "Array.prototype, i, {set(v) { seen++; }, get() { return 'root'; }, configurable: true});"
                    + " try { const r = users.ensure({name: 'erin', groups: []}); return r.name + ' ' + seen; }"
                    + " finally { for (const i of [0, 1, 2, 3]) delete Array.prototype[i]; }");
            assertEquals("ok|erin 0", outcome);
            s.assertNothingChanged();
        }
    }

    @Test
    void aProxyThatReportsAKeyItDoesNotHaveIsReadAsItsOwnAnswerOnce() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, true, null)) {
            // The traps answer differently on each call: the value that is validated is the value that is bound.
            String outcome = s.attempt("let n = 0; const p = new Proxy({}, {"
                    + " ownKeys: () => ['name'],"
                    + " getOwnPropertyDescriptor: () => ({value: 'x', enumerable: true, configurable: true}),"
                    + " get: (t, k) => k === 'name' ? (n++ === 0 ? 'dave' : 'root') : undefined });"
                    + " return users.ensure(p).name;");
            assertEquals("ok|dave", outcome);
            s.assertNothingChanged();
        }
    }
}
