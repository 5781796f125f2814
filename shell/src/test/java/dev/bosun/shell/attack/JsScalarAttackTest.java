package dev.bosun.shell.attack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scalars of the wrong kind: a large BigInt once surfaced as {@code internal error:
 * java.lang.ClassCastException}, and {@code users.ensure({name: true})} created a user named "true". No
 * argument is coerced: a number, boolean or BigInt where a string is declared, a string where a number or
 * boolean is, and a number for an enum are errors naming the parameter; a BigInt is taken as an integer when
 * it fits in 64 bits and refused when it does not. Each refused call runs applied on a scratch root.
 */
@Tag("attack")
class JsScalarAttackTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            BigInt beyond 64 bits     | users.ensure({name: 'm', uid: 10n ** 30n})      | users.ensure: spec.uid is a BigInt outside the 64-bit integer range
            BigInt 2^64               | users.ensure({name: 'm', uid: 2n ** 64n})       | users.ensure: spec.uid is a BigInt outside the 64-bit integer range
            BigInt for a string       | users.ensure({name: 5n})                        | users.ensure: spec.name must be a string, not a BigInt (5n)
            boolean for a string      | users.ensure({name: true})                      | users.ensure: spec.name must be a string, not a boolean (true)
            number for a string       | users.ensure({name: 5})                         | users.ensure: spec.name must be a string, not a number (5)
            float for a string        | users.ensure({name: 'm', shell: 1.5})           | users.ensure: spec.shell must be a string, not a number (1.5)
            number in a string list   | users.ensure({name: 'm', groups: ['wheel', 0]}) | users.ensure: spec.groups[1] must be a string, not a number (0)
            string for an integer     | users.ensure({name: 'm', uid: '0'})             | users.ensure: spec.uid must be an integer, not a string ("0")
            number for a boolean      | users.ensure({name: 'm', system: 1})            | users.ensure: spec.system must be a boolean, not a number (1)
            string for a boolean      | users.ensure({name: 'm', system: 'true'})       | users.ensure: spec.system must be a boolean, not a string ("true")
            BigInt string parameter   | users.get(10n ** 30n)                           | users.get: name is a BigInt outside the 64-bit integer range
            number for a string param | users.get(0)                                    | users.get: name must be a string, not a number (0)
            number for an enum        | subids.list({kind: 0})                          | subids.list: filter.kind 0 must be one of uid, gid
            null in a string list     | users.ensure({name: 'm', groups: ['wheel', null]}) | users.ensure: spec.groups[1] is null or undefined: every element of an array must be a value (leave it out instead)
            undefined in a unit list  | quadlet.bundle.render([undefined])              | quadlet.bundle.render: units[0] is null or undefined: every element of an array must be a value (leave it out instead)
            null map value            | quadlet.container({name: 'w', image: 'x', service: {Restart: null}}) | quadlet.container: spec.service.Restart is null: every value of this object must be given (leave the key out instead)
            null in a container list  | quadlet.container({name: 'w', image: 'x', publishPort: ['80:80', '81:81', null]}) | quadlet.container: spec.publishPort[2] is null or undefined: every element of an array must be a value (leave it out instead)
            null in an ID list        | subids.idMap({user: 'm', containerUids: ['0', null]}) | subids.idMap: request.containerUids[1] is null or undefined: every element of an array must be a value (leave it out instead)
            unsafe integer            | users.ensure({name: 'm', uid: 2 ** 53 + 2})     | users.ensure: spec.uid 9007199254740994 is not a safe integer: beyond 2^53 - 1 a JS number cannot hold every integer exactly, so give it as a BigInt (e.g. 9007199254740994n)
            """)
    void wrongKindsAreErrorsNamingTheParameter(String name, String call, String message) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            assertEquals("TypeError|" + message, s.attempt("return " + call + ";"), name);
            s.assertNothingChanged();
        }
    }

    @Test
    void nullIsAValueWhereTheDeclarationSaysSo() throws Exception {
        // Map<String, @Nullable String>: a label without a value (Label=a), as documented; the refusal above is for maps
        // whose values are not so marked.
        try (JsAttackSession s = new JsAttackSession(dir, true, null)) {
            assertEquals("ok|true", s.attempt("return quadlet.container({name: 'w', image: 'x', label: {a: null}})"
                    + ".text.includes('Label=a\\n');"));
            s.assertNothingChanged();
        }
    }

    @Test
    void aBigIntThatFitsIsAnInteger() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, true, null)) {
            assertEquals("ok|2345", s.attempt("return users.ensure({name: 'erin', uid: 2345n}).user.uid;"));
            s.assertNothingChanged();
        }
    }
}
