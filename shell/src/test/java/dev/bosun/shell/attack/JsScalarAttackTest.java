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
            BigInt for a string       | users.ensure({name: 5n})                        | users.ensure: spec.name must be a string
            boolean for a string      | users.ensure({name: true})                      | users.ensure: spec.name must be a string
            number for a string       | users.ensure({name: 5})                         | users.ensure: spec.name must be a string
            float for a string        | users.ensure({name: 'm', shell: 1.5})           | users.ensure: spec.shell must be a string
            number in a string list   | users.ensure({name: 'm', groups: ['wheel', 0]}) | users.ensure: spec.groups[1] must be a string
            string for an integer     | users.ensure({name: 'm', uid: '0'})             | users.ensure: spec.uid must be an integer
            number for a boolean      | users.ensure({name: 'm', system: 1})            | users.ensure: spec.system must be a boolean
            string for a boolean      | users.ensure({name: 'm', system: 'true'})       | users.ensure: spec.system must be a boolean
            BigInt string parameter   | users.get(10n ** 30n)                           | users.get: name is a BigInt outside the 64-bit integer range
            number for a string param | users.get(0)                                    | users.get: name must be a string
            number for an enum        | subids.list({kind: 0})                          | subids.list: filter.kind 0 must be one of uid, gid
            """)
    void wrongKindsAreErrorsNamingTheParameter(String name, String call, String message) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            assertEquals("TypeError|" + message, s.attempt("return " + call + ";"), name);
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
